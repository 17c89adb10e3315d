package dev.sqlfeed.worker.config;

import static dev.sqlfeed.worker.config.TestConfigs.userIncrementalSync;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sqlfeed.domain.config.resource.GrantRestore;
import dev.sqlfeed.domain.error.ConfigException;
import org.junit.jupiter.api.Test;

/** Binding {@code incremental_sync.restore_grants}: which changed resources get their grants. */
class RestoreGrantsConfigTest {
  private static final String SOURCE =
      TestConfigs.MINIMAL
          + """
              get:
                query: SELECT id, login FROM users WHERE id = ?<id>
              incremental_sync:
                query: SELECT id, changed FROM users WHERE changed >= ?<since>
                cursor_column: changed
                pagination: {primary_key: id}
          """;

  @Test
  void byDefault_everyChangedResourceHasItsGrantsReRead() {
    assertThat(userIncrementalSync(SOURCE).restoreGrants()).isEqualTo(GrantRestore.ON_CHANGE);
  }

  @Test
  void onPutBack_restoresOnlyResourcesTheMirrorDeleted() {
    assertThat(userIncrementalSync(SOURCE + "      restore_grants: on_put_back\n").restoreGrants())
        .isEqualTo(GrantRestore.ON_PUT_BACK);
    assertThat(userIncrementalSync(SOURCE + "      restore_grants: on_change\n").restoreGrants())
        .isEqualTo(GrantRestore.ON_CHANGE);
  }

  @Test
  void anyOtherValue_isAnErrorThatNamesThePathAndTheChoices() {
    assertThatThrownBy(() -> userIncrementalSync(SOURCE + "      restore_grants: always\n"))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e ->
                assertThat(e.problems())
                    .singleElement()
                    .asString()
                    .startsWith("c.yml:")
                    .contains("resource_types.user.incremental_sync.restore_grants")
                    .contains("on_change", "on_put_back"));
  }
}
