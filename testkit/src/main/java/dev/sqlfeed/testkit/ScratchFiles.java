package dev.sqlfeed.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** File databases (SQLite, H2) in a new temporary directory, deleted with it. */
public final class ScratchFiles {
  private ScratchFiles() {}

  /** A new SQLite file, {@code name.db}. */
  public static ScratchDatabase sqlite(String name) {
    Path dir = newDirectory();
    return file("jdbc:sqlite:" + dir.resolve(name + ".db"), name, dir);
  }

  /** A new H2 file database, {@code name}. */
  public static ScratchDatabase h2(String name) {
    Path dir = newDirectory();
    return file("jdbc:h2:file:" + dir.resolve(name), name, dir);
  }

  private static ScratchDatabase file(String url, String name, Path dir) {
    return new ScratchDatabase(
        url, null, null, name, DropHook.install(name, () -> deleteTree(dir)));
  }

  private static Path newDirectory() {
    try {
      return Files.createTempDirectory("sqlfeed-scratch");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a temporary database directory", e);
    }
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // A temporary directory left behind is harmless.
    }
  }
}
