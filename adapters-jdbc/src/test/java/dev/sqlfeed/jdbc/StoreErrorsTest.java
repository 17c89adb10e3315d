package dev.sqlfeed.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sqlfeed.domain.error.DatabaseException.Kind;
import dev.sqlfeed.domain.error.StoreException;
import java.sql.SQLException;
import org.jooq.exception.DataAccessException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StoreErrorsTest {
  private final StoreErrors postgres =
      new StoreErrors(
          StoreDialect.POSTGRES,
          "jdbc:postgresql://db/sqlfeed?user=feed&password=url%2Dsecret",
          "given-secret");

  @ParameterizedTest(name = "SQLState {0}")
  @CsvSource({
    "08001, UNAVAILABLE, true",
    "08006, UNAVAILABLE, true",
    "57P01, UNAVAILABLE, true",
    "53300, UNAVAILABLE, true",
    "28P01, UNAVAILABLE, false",
    "28000, UNAVAILABLE, false",
    "40001, QUERY_FAILED, true",
    "40P01, QUERY_FAILED, true",
    "23505, QUERY_FAILED, false",
    "42P01, QUERY_FAILED, false"
  })
  void sqlStatesAreClassifiedAsDebeziumDoes(String state, Kind kind, boolean transientFailure) {
    StoreException e = postgres.translate("exporting", failure(new SQLException("boom", state)));

    assertThat(e.kind()).isEqualTo(kind);
    assertThat(e.transientFailure()).isEqualTo(transientFailure);
    assertThat(e.getMessage())
        .isEqualTo("exporting (store jdbc:postgresql://db/sqlfeed?user=feed&password=***): boom");
  }

  @ParameterizedTest(name = "SQLite code {0}")
  @CsvSource({
    "5, QUERY_FAILED, true",
    "517, QUERY_FAILED, true",
    "6, QUERY_FAILED, true",
    "14, UNAVAILABLE, false",
    "19, QUERY_FAILED, false"
  })
  void sqliteResultCodesAreClassified(int code, Kind kind, boolean transientFailure) {
    StoreErrors sqlite = new StoreErrors(StoreDialect.SQLITE, "jdbc:sqlite:x.db", null);

    StoreException e = sqlite.translate("writing", failure(new SQLException("sqlite", null, code)));

    assertThat(e.kind()).isEqualTo(kind);
    assertThat(e.transientFailure()).isEqualTo(transientFailure);
  }

  @Test
  void passwordsAreScrubbedAndACauseThatNamesOneIsDropped() {
    SQLException leaky =
        new SQLException("cannot use given-secret or url-secret with password=x;y", "08001");

    StoreException e = postgres.cannotOpen(new RuntimeException("pool", leaky));

    assertThat(e.getMessage())
        .doesNotContain("given-secret", "url-secret", "url%2Dsecret", "x;y")
        .startsWith("cannot open the sync store (store ");
    assertThat(e.getCause()).isNull();
    assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE);
  }

  @Test
  void aCauseWithoutSecretsIsKeptForTheStackTrace() {
    DataAccessException cause = failure(new SQLException("relation missing", "42P01"));

    assertThat(postgres.translate("exporting", cause).getCause()).isSameAs(cause);
  }

  @Test
  void theStatementThatH2AppendsIsCut() {
    StoreErrors h2 = new StoreErrors(StoreDialect.H2, "jdbc:h2:mem:x", null);
    SQLException e =
        new SQLException("Ambiguous column name \"a\"; SQL statement:\nmerge into ...", "90059");

    assertThat(h2.translate("staging", failure(e)).getMessage())
        .isEqualTo("staging (store jdbc:h2:mem:x): Ambiguous column name \"a\"");
  }

  @Test
  void urlsAreShownWithTheirPasswordMasked() {
    assertThat(StoreErrors.redactUrl("jdbc:mariadb://h/db?password=p&user=u"))
        .isEqualTo("jdbc:mariadb://h/db?password=***&user=u");
    assertThat(StoreErrors.redactUrl("jdbc:h2:file:/x;USER=sa;PASSWORD=p"))
        .isEqualTo("jdbc:h2:file:/x;USER=sa;PASSWORD=***");
    assertThat(StoreErrors.redactUrl("jdbc:mysql://u:p@h/db")).isEqualTo("jdbc:mysql://u:***@h/db");
    assertThat(StoreErrors.redactUrl("jdbc:sqlite:sqlfeed.db")).isEqualTo("jdbc:sqlite:sqlfeed.db");
  }

  private static DataAccessException failure(SQLException e) {
    return new DataAccessException("SQL [select 1]; " + e.getMessage(), e);
  }
}
