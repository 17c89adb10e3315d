package dev.sqlfeed.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventRowsTest {
  @Test
  void keys_sortAsTheTimestampsInTheirIds_whateverComesBefore() {
    List<String> ids =
        List.of(
            "resource:user:zz:2026-12-04T22:59:31Z:1",
            "grant:team:a:b:2026-12-04T22:59:31.000001Z:9",
            "resource:user:aa:2026-12-04T22:59:31.5Z:2",
            "revoke:team:a:b:2026-12-05T00:00:00.000000Z:3",
            "resource:user:T:2027-01-01T00:00:00.123456789Z:4");
    List<String> keys = new ArrayList<>();
    ids.forEach(id -> keys.add(EventRows.key("hr", id)));

    assertThat(keys).isSorted().doesNotHaveDuplicates().allMatch(k -> k.length() == 64);
    assertThat(EventRows.timeOrder(ids.get(2))).isEqualTo("20261204225931500000");
    assertThat(EventRows.timeOrder(ids.get(4))).isEqualTo("20270101000000123456");
  }

  @Test
  void anIdWithNoTimestamp_getsZeros_andStillAKeyOfItsOwn() {
    assertThat(EventRows.timeOrder("restore:T:2026-1")).isEqualTo("0".repeat(20));
    assertThat(EventRows.key("hr", "a")).startsWith("0".repeat(20)).hasSize(64);
    assertThat(EventRows.key("hr", "a"))
        .isNotEqualTo(EventRows.key("hr", "b"))
        .isNotEqualTo(EventRows.key("hrx", "a"))
        .isEqualTo(EventRows.key("hr", "a"));
  }

  @Test
  void hashes_stayTheSha256OfTheAppAndText() {
    assertThat(EventRows.hash("hr", "a"))
        .hasSize(64)
        .matches("[0-9a-f]{64}")
        .isNotEqualTo(EventRows.hash("h", "r:a"));
  }
}
