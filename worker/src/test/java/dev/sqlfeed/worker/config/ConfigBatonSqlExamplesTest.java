package dev.sqlfeed.worker.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sqlfeed.domain.config.LoadedConfig;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every config in the shape of baton-sql's shipped examples loads unchanged. */
class ConfigBatonSqlExamplesTest {
  private static final Pattern ENV = Pattern.compile("\\$\\{([A-Za-z0-9_]+)}");

  static Stream<Path> examples() throws IOException, URISyntaxException {
    Path dir = Path.of(ConfigBatonSqlExamplesTest.class.getResource("/config/baton").toURI());
    try (Stream<Path> files = Files.list(dir)) {
      List<Path> yml = files.filter(f -> f.toString().endsWith(".yml")).sorted().toList();
      assertThat(yml).hasSizeGreaterThanOrEqualTo(8);
      return yml.stream();
    }
  }

  @ParameterizedTest
  @MethodSource("examples")
  void loadsUnchangedWithNoErrors(Path file) throws IOException {
    ConfigLoader loader = ConfigLoader.withEnvironment(environmentFor(file));

    LoadedConfig loaded = loader.load(file);

    assertThat(loaded.config().resourceTypes()).isNotEmpty();
    assertThat(loaded.warnings()).allSatisfy(w -> assertThat(w).startsWith(file.toString() + ":"));
  }

  /** Every ${VAR} the file names, set to a harmless value. */
  static Map<String, String> environmentFor(Path file) throws IOException {
    Map<String, String> env = new HashMap<>();
    Matcher m = ENV.matcher(Files.readString(file));
    while (m.find()) {
      env.put(m.group(1), m.group(1).endsWith("PORT") ? "5432" : "value-of-" + m.group(1));
    }
    return env;
  }
}
