package dev.sqlfeed.domain.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sqlfeed.domain.query.SqlTemplate;
import org.junit.jupiter.api.Test;

/** Placeholder parsing as baton-sql does it, which the config's checks build on. */
class ConfigSqlTemplateTest {
  @Test
  void placeholdersBecomeBindMarkersNamedInLowerCase() {
    SqlTemplate t =
        SqlTemplate.parse(
            "SELECT * FROM t WHERE id > ?<Cursor> AND org = ?<org_id> LIMIT ?<Limit>");

    assertThat(t.jdbcSql()).isEqualTo("SELECT * FROM t WHERE id > ? AND org = ? LIMIT ?");
    assertThat(t.parameters()).containsExactly("cursor", "org_id", "limit");
    assertThat(t.uses("LIMIT")).isTrue();
    assertThat(t.uses("offset")).isFalse();
  }

  @Test
  void inlineOptionsStayInTheTextAndAreListed() {
    SqlTemplate t = SqlTemplate.parse("GRANT ?<role|unquoted> TO ?<who|Identifier> -- ?<n>");

    assertThat(t.jdbcSql()).isEqualTo("GRANT ?<role|unquoted> TO ?<who|Identifier> -- ?");
    assertThat(t.parameters()).containsExactly("n");
    assertThat(t.inlinePlaceholders())
        .extracting(SqlTemplate.Placeholder::name, SqlTemplate.Placeholder::option)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("role", "unquoted"),
            org.assertj.core.groups.Tuple.tuple("who", "identifier"));
  }

  @Test
  void textInsideStringLiteralsIsAPlaceholderTooAsInBatonSql() {
    SqlTemplate t = SqlTemplate.parse("SELECT '?<since>' AS s, x FROM t WHERE u > ?<since>");

    assertThat(t.parameters()).containsExactly("since", "since");
    assertThat(t.placeholders()).extracting(SqlTemplate.Placeholder::offset).containsExactly(8, 43);
  }

  @Test
  void aUsedNameAppearsOncePerUse() {
    SqlTemplate t = SqlTemplate.parse("SELECT 1 WHERE a = ?<u> OR b = ?<U>");

    assertThat(t.parameters()).containsExactly("u", "u");
  }
}
