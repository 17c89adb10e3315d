package dev.sqlfeed.worker.temporal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sqlfeed.domain.config.Config;
import dev.sqlfeed.worker.config.ConfigLoader;
import dev.sqlfeed.workflows.SourceSettings;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SourcePacingTest {
  @Test
  void sources_areResourceTypesAndTheChangesAndRevokesOfGrantsQueries() throws Exception {
    Path file = Path.of(getClass().getResource("/config/feed/acme-incremental.yml").toURI());
    Config config = ConfigLoader.withEnvironment(Map.of()).load(file).config();

    assertThat(SourcePacing.of(config))
        .extracting(SourcePacing::key)
        .containsExactly("user", "team.grants.0.changes", "team.grants.0.revokes");
    assertThat(SourcePacing.of(config).get(0).settings())
        .isEqualTo(SourceSettings.of(200, config.incrementalSync().pageSize()));
  }
}
