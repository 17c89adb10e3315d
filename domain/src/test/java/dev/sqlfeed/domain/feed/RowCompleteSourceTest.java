package dev.sqlfeed.domain.feed;

import static dev.sqlfeed.domain.feed.FeedFixtures.cel;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cel.common.values.NullValue;
import dev.sqlfeed.domain.config.Config;
import dev.sqlfeed.domain.config.resource.ResourceIncrementalSync;
import dev.sqlfeed.domain.error.MappingException;
import dev.sqlfeed.domain.mirror.ResourceRef;
import dev.sqlfeed.domain.schema.ExpectedQuery;
import dev.sqlfeed.domain.schema.SchemaExpectations;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A row-complete resource source ({@code incremental_sync.deleted_if}): its rows are mapped with
 * the list's {@code map} as they are read, and a row for which the condition holds is a deletion.
 */
class RowCompleteSourceTest {
  private static final Instant T1 = Instant.parse("2026-11-25T10:00:00.5Z");
  private static final String PATH = "resource_types.user.incremental_sync";

  private static Config config(String deletedIf) {
    ResourceIncrementalSync plain = FeedFixtures.userIncremental(Optional.empty(), "id");
    ResourceIncrementalSync rowComplete =
        new ResourceIncrementalSync(
            FeedFixtures.query(
                "SELECT id, name, deleted_at, updated_at FROM users WHERE updated_at >= ?<since>",
                PATH + ".query"),
            plain.cursorColumn(),
            plain.resourceId(),
            plain.pagination(),
            plain.vars(),
            plain.settings(),
            PATH,
            Optional.of(cel(deletedIf, PATH + ".deleted_if")));
    return FeedFixtures.config(
        FeedFixtures.withoutGet(
            FeedFixtures.resourceType("user", Optional.of(rowComplete), List.of())));
  }

  private static FeedSource users(String deletedIf) {
    return FeedFixtures.source(config(deletedIf), "user");
  }

  private static Map<String, Object> row(long id, Object name, Object deletedAt) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("id", id);
    row.put("name", name);
    row.put("deleted_at", deletedAt);
    row.put("updated_at", T1);
    return row;
  }

  @Test
  void aLiveRow_isMappedWithTheListMap_underTheSameEventAsAGetSourceGives() {
    MappedRow mapped =
        IncrementalRowMapper.map(
            users(".deleted_at != null"), row(42L, "Ada", NullValue.NULL_VALUE));
    MappedRow viaGet =
        IncrementalRowMapper.map(
            FeedFixtures.source(FeedFixtures.acme(), "user"),
            row(42L, "Ada", NullValue.NULL_VALUE));

    assertThat(mapped.events()).isEqualTo(viaGet.events());
    assertThat(viaGet.resource()).isEmpty();
    RowResource resource = mapped.resource().orElseThrow();
    assertThat(resource.deleted()).isFalse();
    assertThat(resource.ref()).isEqualTo(new ResourceRef("user", "42"));
    assertThat(resource.mapped().orElseThrow().resource().displayName()).isEqualTo("Ada");
  }

  @Test
  void aRowForWhichDeletedIfHolds_isADeletion_andIsNotMapped() {
    // The name is NULL, as it often is once an application has deleted a row: not an error.
    MappedRow mapped =
        IncrementalRowMapper.map(users(".deleted_at != null"), row(7L, NullValue.NULL_VALUE, T1));

    assertThat(mapped.events())
        .containsExactly(
            new FeedEvent.ResourceChanged(
                "resource:user:7:2026-11-25T10:00:00.5Z:7",
                "user",
                new ResourceRef("user", "7"),
                T1));
    assertThat(mapped.resource())
        .contains(new RowResource(new ResourceRef("user", "7"), Optional.empty()));
  }

  @Test
  void aColumnTheRowLacks_isARowError_notTakenForNull() {
    Map<String, Object> row = row(5L, "Bo", null);
    row.remove("deleted_at");

    assertThatThrownBy(() -> IncrementalRowMapper.map(users(".deleted_at != null"), row))
        .isInstanceOf(MappingException.class)
        .hasMessageContaining("row id=5")
        .hasMessageContaining(PATH + ".deleted_if");
  }

  @Test
  void anIntegerFlag_followsBatonSqlsConditionRules() {
    FeedSource flagged = users(".deleted_at");

    assertThat(
            IncrementalRowMapper.map(flagged, row(1L, "A", 1L)).resource().orElseThrow().deleted())
        .isTrue();
    assertThat(
            IncrementalRowMapper.map(flagged, row(2L, "B", 0L)).resource().orElseThrow().deleted())
        .isFalse();
  }

  @Test
  void aDeletedIfThatIsNotABooleanOnARow_isARowErrorNamingTheRowAndTheExpression() {
    assertThatThrownBy(
            () ->
                IncrementalRowMapper.map(users(".deleted_at"), row(9L, "C", NullValue.NULL_VALUE)))
        .isInstanceOf(MappingException.class)
        .hasMessageContaining("source user")
        .hasMessageContaining("row id=9")
        .hasMessageContaining(PATH + ".deleted_if: expression '.deleted_at': expected a boolean");
  }

  @Test
  void aLiveRowWithNullColumns_isMappedAsTheListWouldMapIt() {
    RowResource resource =
        IncrementalRowMapper.map(
                users(".deleted_at != null"), row(3L, NullValue.NULL_VALUE, NullValue.NULL_VALUE))
            .resource()
            .orElseThrow();

    assertThat(resource.deleted()).isFalse();
    assertThat(resource.mapped().orElseThrow().resource().displayName()).isEqualTo("3");
  }

  @Test
  void theIncrementalQuery_mustHaveEveryColumnTheMapAndDeletedIfRead() {
    ExpectedQuery q =
        SchemaExpectations.of(config(".deleted_at != null")).stream()
            .filter(e -> e.query().path().equals(PATH + ".query"))
            .findFirst()
            .orElseThrow();

    assertThat(q.columns())
        .extracting(u -> u.name() + "@" + u.path())
        .containsExactly(
            "deleted_at@" + PATH + ".deleted_if",
            "id@resource_types.user.list.map.id",
            "name@resource_types.user.list.map.display_name",
            "updated_at@" + PATH + ".cursor_column",
            "id@p.pagination.primary_key");
  }
}
