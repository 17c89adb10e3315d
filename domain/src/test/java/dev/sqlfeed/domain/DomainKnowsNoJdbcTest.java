package dev.sqlfeed.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The domain works on {@code java.time} values only: the JDBC adapter turns {@code
 * java.sql.Timestamp}, {@code Date} and {@code Time} into them before the domain sees a row. The
 * banned-dependency rule of the build keeps frameworks out of the domain; {@code java.sql} is part
 * of the JDK, so this test keeps it out.
 */
class DomainKnowsNoJdbcTest {
  @Test
  void noMainSourceOfTheDomainNamesJavaSql() throws IOException {
    Path main = Path.of("src/main/java");
    assertThat(main).isDirectory();
    List<String> offenders;
    try (Stream<Path> files = Files.walk(main)) {
      offenders =
          files
              .filter(f -> f.toString().endsWith(".java"))
              .filter(f -> read(f).contains("java.sql"))
              .map(Path::toString)
              .toList();
    }
    assertThat(offenders).isEmpty();
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
