package dev.sqlfeed.worker.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The repository's documentation: the README and the pages under {@code docs/}. */
final class Docs {
  private Docs() {}

  /** The README, then every page under {@code docs/}, in path order. */
  static List<Path> pages() throws IOException {
    List<Path> docs = new ArrayList<>(List.of(root().resolve("README.md")));
    Path dir = root().resolve("docs");
    if (Files.isDirectory(dir)) {
      try (Stream<Path> files = Files.walk(dir)) {
        files.filter(p -> p.toString().endsWith(".md")).sorted().forEach(docs::add);
      }
    }
    return docs;
  }

  /** The repository's root: the tests run in the worker module's folder. */
  static Path root() {
    return Path.of("").toAbsolutePath().getParent();
  }
}
