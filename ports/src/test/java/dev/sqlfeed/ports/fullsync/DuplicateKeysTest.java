package dev.sqlfeed.ports.fullsync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sqlfeed.domain.error.MappingException;
import dev.sqlfeed.domain.mirror.Resource;
import dev.sqlfeed.domain.mirror.ResourceRef;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Two rows with one key: harmless when they map alike, an error naming both rows otherwise. */
class DuplicateKeysTest {
  private static final String ORIGIN = "resource_types.user.list.query";

  @Test
  void distinctKeys_passThroughGrowth_andARepeatOfTheSameRecordCountsOnce() {
    DuplicateKeys ids = new DuplicateKeys(ORIGIN, "resource id");
    for (int i = 1; i <= 200_000; i++) {
      ids.check("u" + i, user("u" + i, "name " + i), "#" + i);
    }
    ids.check("u77", user("u77", "name 77"), "#200001");
    ids.check("u199999", user("u199999", "name 199999"), "id=7");
  }

  @Test
  void aKeyWithADifferentRecord_namesBothRowsByNumber() {
    DuplicateKeys ids = new DuplicateKeys(ORIGIN, "resource id");
    for (int i = 1; i <= 5_000; i++) {
      ids.check("u" + i, user("u" + i, "a"), "#" + i);
    }
    assertThatThrownBy(() -> ids.check("u4321", user("u4321", "b"), "#5001"))
        .isInstanceOf(MappingException.class)
        .hasMessage(
            ORIGIN
                + ": rows 4321 (#4321) and 5001 (#5001) have the same resource id 'u4321' but"
                + " differ; make the query return one row per resource id");
  }

  @Test
  void aKeyWithADifferentRecord_namesTheEarlierRowByItsPrimaryKey_evenAfterManyOthers() {
    DuplicateKeys ids = new DuplicateKeys(ORIGIN, "resource id");
    String wide = "id=" + "ü".repeat(700_000);
    ids.check("first", user("first", "a"), "id=Zoë");
    ids.check("wide", user("wide", "a"), wide);
    for (int i = 1; i <= 100_000; i++) {
      ids.check("u" + i, user("u" + i, "a"), "id=" + i);
    }
    assertThatThrownBy(() -> ids.check("first", user("first", "b"), "id=x"))
        .hasMessageContaining(
            "rows 1 (id=Zoë) and 100003 (id=x) have the same resource id 'first'");
    assertThatThrownBy(() -> ids.check("wide", user("wide", "b"), "id=y"))
        .hasMessageContaining("rows 2 (" + wide + ") and 100004 (id=y)");
    assertThatThrownBy(() -> ids.check("u99999", user("u99999", "b"), "id=z"))
        .hasMessageContaining("rows 100001 (id=99999) and 100005 (id=z)");
  }

  @Test
  void theTwoFingerprintHashes_doNotCollideOnAMillionSimilarKeys() {
    Set<Long> a = new HashSet<>();
    Set<Long> b = new HashSet<>();
    for (int i = 0; i < 1_000_000; i++) {
      String key = Integer.toString(i);
      assertThat(a.add(SeenKeys.hashA(key))).as("hashA of %s", key).isTrue();
      assertThat(b.add(SeenKeys.hashB(key))).as("hashB of %s", key).isTrue();
    }
  }

  @Test
  void keysThatDifferOnlyInOrderOrCase_areDifferentKeys() {
    DuplicateKeys ids = new DuplicateKeys(ORIGIN, "resource id");
    ids.check("ab", user("ab", "a"), "#1");
    ids.check("ba", user("ba", "b"), "#2");
    ids.check("AB", user("AB", "c"), "#3");
    ids.check("a b", user("a b", "d"), "#4");
  }

  private static Resource user(String id, String name) {
    return new Resource(new ResourceRef("user", id), name, null, null, Map.of());
  }
}
