package dev.sqlfeed.domain.feed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cel.common.values.NullValue;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class EventIdsTest {
  private static final Instant TS = Instant.parse("2026-11-25T10:00:00.123456Z");

  @Test
  void resourceChanged_isBatonSqlsFormat() {
    assertThat(EventIds.resourceChanged("user", "42", TS, "42"))
        .isEqualTo("resource:user:42:2026-11-25T10:00:00.123456Z:42");
  }

  @Test
  void grantAndRevoke_areBatonSqlsFormat_forTheFirstMapping() {
    assertThat(EventIds.grantCreated("group", "grp-1", "usr-1", TS, "7", 0))
        .isEqualTo("grant:group:grp-1:usr-1:2026-11-25T10:00:00.123456Z:7");
    assertThat(EventIds.grantRevoked("group", "grp-1", "usr-1", TS, "7", 0))
        .isEqualTo("revoke:group:grp-1:usr-1:2026-11-25T10:00:00.123456Z:7");
  }

  @Test
  void laterMappings_appendTheirIndex_soThatTwoEntitlementsOfOneRowDoNotCollide() {
    String member = EventIds.grantCreated("group", "g", "u", TS, "7", 0);
    String admin = EventIds.grantCreated("group", "g", "u", TS, "7", 1);

    assertThat(admin).isEqualTo(member + ":m1").isNotEqualTo(member);
    assertThat(EventIds.grantRevoked("group", "g", "u", TS, "7", 12)).endsWith(":7:m12");
  }

  @Test
  void noRowKey_leavesTheLastPartEmpty_asBatonSqlDoes() {
    assertThat(EventIds.resourceChanged("user", "ada", Instant.parse("2026-11-25T10:00:00Z"), ""))
        .isEqualTo("resource:user:ada:2026-11-25T10:00:00Z:");
  }

  @Test
  void timestampPart_trimsTrailingZeros() {
    assertThat(EventIds.resourceChanged("u", "1", Instant.parse("2026-01-01T00:00:00.100Z"), "1"))
        .isEqualTo("resource:u:1:2026-01-01T00:00:00.1Z:1");
  }

  @Test
  void rowKey_writesIntegersExactly_aboveTwoToThe53AndAtLongMax() {
    long twoTo53Plus1 = 9_007_199_254_740_993L;

    assertThat(EventIds.rowKey(twoTo53Plus1)).isEqualTo("9007199254740993");
    assertThat(EventIds.rowKey(Long.MAX_VALUE)).isEqualTo("9223372036854775807");
    assertThat(EventIds.rowKey(Long.MIN_VALUE)).isEqualTo("-9223372036854775808");
    assertThat(EventIds.rowKey(new BigDecimal("9007199254740993.000")))
        .isEqualTo("9007199254740993");
    assertThat(EventIds.rowKey(new BigInteger("18446744073709551617")))
        .isEqualTo("18446744073709551617");
    assertThat(EventIds.rowKey(42)).isEqualTo("42");
    assertThat(EventIds.resourceChanged("u", "1", TS, EventIds.rowKey(twoTo53Plus1)))
        .endsWith(":9007199254740993");
  }

  @Test
  void rowKey_writesOtherValuesPlainly() {
    assertThat(EventIds.rowKey("abc-123")).isEqualTo("abc-123");
    assertThat(EventIds.rowKey(99.0)).isEqualTo("99");
    assertThat(EventIds.rowKey(1.5)).isEqualTo("1.5");
    assertThat(EventIds.rowKey(1e20)).isEqualTo("100000000000000000000");
    assertThat(EventIds.rowKey(true)).isEqualTo("true");
    assertThat(EventIds.rowKey("k".getBytes(StandardCharsets.UTF_8))).isEqualTo("k");
    assertThat(EventIds.rowKey(Instant.parse("2026-01-01T00:00:00.5Z")))
        .isEqualTo("2026-01-01T00:00:00.5Z");
  }

  @Test
  void rowKey_isEmptyForNull() {
    assertThat(EventIds.rowKey(null)).isEmpty();
    assertThat(EventIds.rowKey(NullValue.NULL_VALUE)).isEmpty();
  }
}
