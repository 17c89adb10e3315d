package dev.sqlfeed.worker.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The README's Layout section matches the tree: its table has a row for every folder at the
 * repository's root that git tracks (hidden ones aside, but for {@code .ci}; never {@code target})
 * and for every {@code <module>} of the parent pom, and every folder or file it names exists. A
 * folder is named with a trailing slash, {@code `domain/`}; a row may name several.
 */
class ReadmeLayoutTest {
  private static final Pattern NAME = Pattern.compile("`([^`]+)`");
  private static final Pattern MODULE = Pattern.compile("<module>\\s*([^<\\s]+)\\s*</module>");

  @Test
  void everyTrackedTopLevelFolderAndModule_hasARowInTheLayout() throws Exception {
    Set<String> wanted = new TreeSet<>(topLevelFolders());
    wanted.addAll(modules());
    assertThat(wanted).as("folders found at the root").contains("domain", "docs", ".ci");
    Set<String> named = named();
    List<String> missing = new ArrayList<>();
    for (String folder : wanted) {
      if (!named.contains(folder + "/")) {
        missing.add(folder + "/");
      }
    }
    assertThat(missing).as("folders without a row in README.md's Layout").isEmpty();
  }

  @Test
  void everyFolderAndFileTheLayoutNames_exists() throws IOException {
    List<String> absent = new ArrayList<>();
    for (String name : named()) {
      Path path = Docs.root().resolve(name);
      if (name.endsWith("/") ? !Files.isDirectory(path) : !Files.isRegularFile(path)) {
        absent.add(name);
      }
    }
    assertThat(absent).as("names in README.md's Layout that are not in the tree").isEmpty();
  }

  /** The names in the first cell of each row of the table under README.md's {@code ## Layout}. */
  private static Set<String> named() throws IOException {
    List<String> lines = Files.readAllLines(Docs.root().resolve("README.md"));
    int start = lines.indexOf("## Layout");
    assertThat(start).as("README.md's ## Layout").isNotNegative();
    Set<String> names = new TreeSet<>();
    for (String line : lines.subList(start + 1, lines.size())) {
      if (line.startsWith("## ")) {
        break;
      }
      if (line.startsWith("| `")) {
        Matcher name = NAME.matcher(line.substring(1, line.indexOf('|', 1)));
        while (name.find()) {
          names.add(name.group(1));
        }
      }
    }
    assertThat(names).as("names in README.md's Layout").isNotEmpty();
    return names;
  }

  /** The parent pom's modules. */
  private static List<String> modules() throws IOException {
    Matcher module = MODULE.matcher(Files.readString(Docs.root().resolve("pom.xml")));
    List<String> modules = new ArrayList<>();
    while (module.find()) {
      modules.add(module.group(1));
    }
    return modules;
  }

  /**
   * The folders at the root that hold a file git tracks, but hidden ones (other than {@code .ci})
   * and {@code target}. Outside a git checkout (an unpacked source archive), the folders on disk.
   */
  private static Set<String> topLevelFolders() throws IOException, InterruptedException {
    Set<String> folders = new TreeSet<>();
    for (String path : trackedFiles()) {
      int slash = path.indexOf('/');
      if (slash > 0) {
        folders.add(path.substring(0, slash));
      }
    }
    folders.removeIf(f -> f.equals("target") || (f.startsWith(".") && !f.equals(".ci")));
    return folders;
  }

  /** The paths git tracks, or, without git, the folders at the root as {@code name/}. */
  private static List<String> trackedFiles() throws IOException, InterruptedException {
    Process git;
    try {
      git =
          new ProcessBuilder("git", "-C", Docs.root().toString(), "ls-files", "-z")
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
    } catch (IOException noGit) {
      return foldersOnDisk();
    }
    String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (git.waitFor() != 0) {
      return foldersOnDisk();
    }
    return List.of(out.split("\0"));
  }

  private static List<String> foldersOnDisk() throws IOException {
    try (Stream<Path> entries = Files.list(Docs.root())) {
      return entries.filter(Files::isDirectory).map(p -> p.getFileName() + "/").toList();
    }
  }
}
