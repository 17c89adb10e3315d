package dev.sqlfeed.domain.config.bind;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The key index of {@code docs/config.md} ("Every key") lists exactly the keys the binder accepts:
 * each row of its table holds the keys of one block of the config, and the rows' key sets are the
 * binder's key sets ({@link KeySet}), no more and no fewer.
 */
class ConfigKeysDocTest {
  private static final Pattern ROW = Pattern.compile("^\\| *`([^|]+?)` *\\|([^|]*)\\|");
  private static final Pattern KEY = Pattern.compile("`([a-z_0-9]+)`");

  @Test
  void theKeyIndexListsEveryBlockOfTheBinderWithItsKeys() throws Exception {
    Map<String, Set<String>> documented = documented();
    Map<Set<String>, String> binder = binder();
    List<String> problems = new ArrayList<>();
    documented.forEach(
        (block, keys) -> {
          if (!binder.containsKey(keys)) {
            problems.add(
                "docs/config.md: `" + block + "` lists " + keys + ", which no block takes");
          }
        });
    Set<Set<String>> shown = new LinkedHashSet<>(documented.values());
    binder.forEach(
        (keys, field) -> {
          if (!shown.contains(keys)) {
            problems.add("docs/config.md lacks a row for " + field + ": " + keys);
          }
        });
    assertThat(problems).isEmpty();
  }

  /** The rows of the "Every key" table: block, then its keys. */
  private static Map<String, Set<String>> documented() throws IOException, URISyntaxException {
    Map<String, Set<String>> rows = new LinkedHashMap<>();
    boolean inIndex = false;
    for (String line : Files.readAllLines(root().resolve("docs/config.md"))) {
      if (line.startsWith("## ")) {
        inIndex = line.equals("## Every key");
      }
      Matcher row = ROW.matcher(line);
      if (inIndex && row.find()) {
        Set<String> keys = new LinkedHashSet<>();
        Matcher key = KEY.matcher(row.group(2));
        while (key.find()) {
          keys.add(key.group(1));
        }
        rows.put(row.group(1), keys);
      }
    }
    assertThat(rows).as("rows of docs/config.md's \"Every key\"").isNotEmpty();
    return rows;
  }

  /** Every key set the binder declares, by its keys, named by the field that holds it. */
  private static Map<Set<String>, String> binder() throws Exception {
    Map<Set<String>, String> sets = new LinkedHashMap<>();
    Path classes =
        Path.of(KeySet.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    Path bind = classes.resolve(KeySet.class.getPackageName().replace('.', '/'));
    Map<String, Class<?>> types = new TreeMap<>();
    try (Stream<Path> files = Files.list(bind)) {
      for (Path file : files.toList()) {
        String name = file.getFileName().toString();
        if (name.endsWith(".class")) {
          String type = KeySet.class.getPackageName() + "." + name.replace(".class", "");
          types.put(type, Class.forName(type));
        }
      }
    }
    for (Class<?> type : types.values()) {
      for (Field field : type.getDeclaredFields()) {
        if (field.getType() == KeySet.class && Modifier.isStatic(field.getModifiers())) {
          field.setAccessible(true);
          KeySet keys = (KeySet) field.get(null);
          sets.putIfAbsent(
              new LinkedHashSet<>(keys.allowed()), type.getSimpleName() + "." + field.getName());
        }
      }
    }
    return sets;
  }

  private static Path root() {
    return Path.of("").toAbsolutePath().getParent();
  }
}
