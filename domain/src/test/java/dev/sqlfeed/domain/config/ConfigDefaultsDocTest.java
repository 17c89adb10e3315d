package dev.sqlfeed.domain.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** docs/config.md's "Defaults" table says what the binder applies when a key is left out. */
class ConfigDefaultsDocTest {
  private static final Pattern ROW =
      Pattern.compile("^\\| *`incremental_sync\\.([a-z_]+)` *\\| *`([^`]+)` *\\|");

  @Test
  void theTopLevelIncrementalSyncDefaults_areTheBindersDefaults() throws IOException {
    Map<String, String> documented = documented();
    SyncSettings defaults = SyncSettings.DEFAULTS;

    assertThat(documented)
        .containsOnlyKeys(
            "default_lookback", "poll_interval", "page_size", "safety_lag", "overlap", "mode");
    assertThat(GoDuration.parse(documented.get("default_lookback")))
        .isEqualTo(defaults.defaultLookback());
    assertThat(GoDuration.parse(documented.get("poll_interval")))
        .isEqualTo(defaults.pollInterval());
    assertThat(Integer.parseInt(documented.get("page_size"))).isEqualTo(defaults.pageSize());
    assertThat(GoDuration.parse(documented.get("safety_lag"))).isEqualTo(defaults.safetyLag());
    assertThat(GoDuration.parse(documented.get("overlap"))).isEqualTo(defaults.overlap());
    assertThat(documented.get("mode")).isEqualToIgnoringCase(defaults.mode().name());
  }

  private static Map<String, String> documented() throws IOException {
    Map<String, String> rows = new LinkedHashMap<>();
    boolean inDefaults = false;
    Path doc = Path.of("").toAbsolutePath().getParent().resolve("docs/config.md");
    for (String line : Files.readAllLines(doc)) {
      if (line.startsWith("## ")) {
        inDefaults = line.equals("## Defaults");
      }
      Matcher row = ROW.matcher(line);
      if (inDefaults && row.find()) {
        rows.put(row.group(1), row.group(2));
      }
    }
    return rows;
  }
}
