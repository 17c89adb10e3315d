package dev.sqlfeed.worker.config;

import static dev.sqlfeed.worker.config.TestConfigs.userIncrementalSync;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sqlfeed.domain.config.resource.ResourceIncrementalSync;
import dev.sqlfeed.domain.error.ConfigException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Binding {@code incremental_sync.deleted_if}, the row-complete form of a resource source. */
class RowCompleteConfigTest {
  private static final String FED =
      TestConfigs.MINIMAL
          + """
              incremental_sync:
                query: SELECT id, login, deleted_at, changed FROM users WHERE changed >= ?<since>
                cursor_column: changed
                pagination: {primary_key: id}
          """;

  private static List<String> problems(String yaml) {
    try {
      TestConfigs.celLoader().load("c.yml", yaml);
    } catch (ConfigException e) {
      return e.problems();
    }
    throw new AssertionError("expected the config to be rejected");
  }

  @Test
  void deletedIf_makesTheSourceRowComplete_andNeedsNoGet() {
    ResourceIncrementalSync s =
        userIncrementalSync(FED + "      deleted_if: .deleted_at != null\n");

    assertThat(s.rowComplete()).isTrue();
    assertThat(s.deletedIf().orElseThrow().path())
        .isEqualTo("resource_types.user.incremental_sync.deleted_if");
    assertThat(s.deletedIf().orElseThrow().source()).isEqualTo(".deleted_at != null");
  }

  @Test
  void withoutDeletedIf_theSourceStillNeedsAGet() {
    assertThat(problems(FED))
        .containsExactly(
            "c.yml:12:5: resource_types.user.incremental_sync: needs a 'get' query on the resource"
                + " type, to re-read each changed resource");
  }

  @Test
  void aDeletedIfThatCelTypesAsNoBoolean_isAnErrorAtItsPosition() {
    assertThat(problems(FED + "      deleted_if: \"'yes'\"\n"))
        .containsExactly(
            "c.yml:16:19: resource_types.user.incremental_sync.deleted_if: must be a boolean"
                + " condition (for example .deleted_at != null), but its type is string");
  }

  @Test
  void anInvalidDeletedIf_isAnErrorAtItsPosition() {
    assertThat(problems(FED + "      deleted_if: .deleted_at !=\n"))
        .singleElement()
        .asString()
        .startsWith("c.yml:16:")
        .contains("resource_types.user.incremental_sync.deleted_if: invalid CEL expression");
  }

  @Test
  void aMisspeltDeletedIf_getsADidYouMeanHint() {
    assertThat(problems(FED + "      deleted_iff: .deleted_at != null\n"))
        .contains(
            "c.yml:16:7: resource_types.user.incremental_sync.deleted_iff: unknown key"
                + " 'deleted_iff' (did you mean 'deleted_if'?)");
  }

  @Test
  void aLoadedConfigWithoutDeletedIf_isNotRowComplete() {
    ResourceIncrementalSync s =
        userIncrementalSync(
            FED.replace(
                "    incremental_sync:",
                "    get:\n      query: SELECT id, login FROM users WHERE id = ?<id>\n    incremental_sync:"));

    assertThat(s.rowComplete()).isFalse();
    assertThat(s.deletedIf()).isEmpty();
  }
}
