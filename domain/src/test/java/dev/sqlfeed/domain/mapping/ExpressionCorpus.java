package dev.sqlfeed.domain.mapping;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Every expression the repository holds, found without a YAML parser (the domain has none): each
 * scalar of every YAML config under the repository (examples, test configs, the bench app), each
 * string literal of the domain's mapping tests (the CEL cases ported from baton-sql among them),
 * and a list of shapes that probe the edges of the direct path. Candidates that do not compile are
 * dropped: they are not expressions.
 */
final class ExpressionCorpus {
  private static final Pattern YAML_SCALAR =
      Pattern.compile(
          "^\\s*(?:-\\s+)?(?:[A-Za-z_][\\w.-]*:\\s+)?(\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^']|'')*'|[^\\s#|>\"'][^#]*?)\\s*$");
  private static final Pattern JAVA_STRING = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*)\"");

  /** Shapes at the edges of the subset: types, nulls, errors, absorption, unset variables. */
  static final List<String> PROBES =
      List.of(
          ".a",
          "cols.a",
          "cols['a']",
          "cols[.b]",
          "'x' + .a",
          ".a + .b",
          ".a + 'x' + .b",
          "string(.a)",
          "string(.a) + ':' + string(.b)",
          ".a == null",
          ".a != null",
          ".a == .b",
          ".a != .b",
          ".a == 1",
          ".a == 1.0",
          ".a == 'x'",
          ".a == true",
          "null == null",
          "!.a",
          ".a && .b",
          ".a || .b",
          ".a && false",
          "false && .a",
          ".a || true",
          "true || .a",
          ".a ? .b : .c",
          ".a == null ? '' : string(.a)",
          "has(cols.a) ? .a : 'none'",
          "has(cols.a)",
          "has(resource.ID)",
          "resource.ID + '/' + .a",
          "true ? 'x' : resource.ID",
          "false ? principal.ID : .a",
          "resource.profile",
          "resource.DisplayName",
          "toUpper(.a)",
          "toLower(.a) + '@' + toLower(.b)",
          "titleCase(.a)",
          "slugify(.a + ' ' + .b)",
          "1",
          "-1",
          "1.5",
          "2.0",
          "1u",
          "b'abc'",
          "'unicode ✓ 😀'",
          "null",
          "true",
          ".a == null || .a == ''",
          "!(.a == null) && .b != null",
          ".a ? 1 : 2",
          ".a ? 'yes' : 0");

  private ExpressionCorpus() {}

  /** Candidates, each once, in the order found. */
  static List<String> candidates() {
    Set<String> out = new LinkedHashSet<>(PROBES);
    Path root = Path.of("").toAbsolutePath().getParent();
    for (Path file : files(root, ".yml", ".yaml")) {
      for (String line : lines(file)) {
        Matcher m = YAML_SCALAR.matcher(line);
        if (m.matches()) {
          out.add(yamlScalar(m.group(1)));
        }
      }
    }
    for (Path file :
        files(root.resolve("domain/src/test/java/dev/sqlfeed/domain/mapping"), ".java")) {
      for (String line : lines(file)) {
        Matcher m = JAVA_STRING.matcher(line);
        while (m.find()) {
          out.add(javaString(m.group(1)));
        }
      }
    }
    out.removeIf(String::isBlank);
    return new ArrayList<>(out);
  }

  private static List<Path> files(Path root, String... suffixes) {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile)
          .filter(p -> !p.toString().contains("/target/") && !p.toString().contains("/."))
          .filter(p -> Stream.of(suffixes).anyMatch(s -> p.toString().endsWith(s)))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> lines(Path file) {
    try {
      return Files.readAllLines(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String yamlScalar(String text) {
    if (text.startsWith("'")) {
      return text.substring(1, text.length() - 1).replace("''", "'");
    }
    if (text.startsWith("\"")) {
      return javaString(text.substring(1, text.length() - 1));
    }
    return text;
  }

  private static String javaString(String escaped) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < escaped.length(); i++) {
      char c = escaped.charAt(i);
      if (c != '\\' || i + 1 == escaped.length()) {
        out.append(c);
        continue;
      }
      char next = escaped.charAt(++i);
      switch (next) {
        case 'n' -> out.append('\n');
        case 't' -> out.append('\t');
        case 'u' -> {
          if (i + 4 < escaped.length()) {
            out.append((char) Integer.parseInt(escaped.substring(i + 1, i + 5), 16));
            i += 4;
          }
        }
        default -> out.append(next);
      }
    }
    return out.toString();
  }
}
