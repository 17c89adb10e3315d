package dev.sqlfeed.domain.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cel.common.values.CelByteString;
import dev.cel.common.values.NullValue;
import dev.sqlfeed.domain.value.SourceRow;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ActivationTest {
  @Test
  void forRow_normalisedRow_isUsedWithoutCopying() {
    Map<String, Object> row =
        Map.of(
            "id",
            1L,
            "name",
            "a",
            "at",
            Instant.EPOCH,
            "gone",
            NullValue.NULL_VALUE,
            "tags",
            List.of("x"));

    assertThat(Activation.forRow(row).get(Activation.COLS)).isSameAs(row);
  }

  @Test
  void forRow_rawJdbcValues_areConverted() {
    Map<String, Object> row = new HashMap<>();
    row.put("id", 7);
    row.put("gone", null);
    row.put("raw", new byte[] {65});
    row.put("list", Arrays.asList(1, new byte[] {66}));

    Map<?, ?> cols = (Map<?, ?>) Activation.forRow(row).get(Activation.COLS);

    assertThat(cols.get("id")).isEqualTo(7L);
    assertThat(cols.get("gone")).isSameAs(NullValue.NULL_VALUE);
    assertThat(cols.get("raw")).isEqualTo(CelByteString.of(new byte[] {65}));
    assertThat(cols.get("list")).isEqualTo(List.of(1L, CelByteString.of(new byte[] {66})));
  }

  @Test
  void forRow_sourceRow_becomesCols() {
    SourceRow row = new SourceRow(List.of("id"), List.of(3L));

    assertThat(Activation.forRow(row)).isEqualTo(Map.of(Activation.COLS, Map.of("id", 3L)));
  }

  @Test
  void resource_hasBatonSqlsKeys() {
    Map<String, Object> resource = Activation.resource("u1", "user", "Ann", Map.of("age", 30));

    assertThat(resource)
        .containsOnlyKeys("ID", "Type", "ResourceTypeID", "DisplayName", "profile")
        .containsEntry("ID", "u1")
        .containsEntry("Type", "user")
        .containsEntry("ResourceTypeID", "user")
        .containsEntry("DisplayName", "Ann")
        .containsEntry("profile", Map.of("age", 30L));
  }

  @Test
  void resource_withoutDisplayNameOrProfile_hasEmptyOnes() {
    Map<String, Object> resource = Activation.resource("u1", "user", null, null);

    assertThat(resource).containsEntry("DisplayName", "").containsEntry("profile", Map.of());
  }

  @Test
  void forRowWithResource_andForResource() {
    Map<String, Object> resource = Activation.resource("g", "group", "G", null);

    assertThat(Activation.forRow(Map.of("a", 1L), resource))
        .containsOnlyKeys(Activation.COLS, Activation.RESOURCE)
        .containsEntry(Activation.RESOURCE, resource);
    assertThat(Activation.forResource(resource))
        .containsEntry(Activation.COLS, Map.of())
        .containsEntry(Activation.RESOURCE, resource);
  }
}
