package dev.sqlfeed.worker.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Every {@code sqlfeed} command line that the README or a page under {@code docs/} shows (in
 * backticks, or as a line of a code block) names a command that exists and only options that
 * command takes; and every command is shown somewhere.
 */
class DocsCommandsTest {
  /** {@code sqlfeed} or {@code ./sqlfeed} and what follows, to the end of the span or line. */
  private static final Pattern COMMAND =
      Pattern.compile("(?:^|[\\s`(])(?:\\./)?sqlfeed((?: +[^`\\s|]+)*)");

  private static final Pattern OPTION = Pattern.compile("^\\[*(--[a-z][a-z0-9-]*)");

  private final CommandLine cli =
      Cli.create(
          new CliContext(
              new PrintWriter(new StringWriter()),
              new PrintWriter(new StringWriter()),
              Map.of(),
              false));

  @Test
  void everyCommandLineShownNamesACommandAndItsOptions() throws IOException {
    List<String> problems = new ArrayList<>();
    int lines = 0;
    for (Path doc : Docs.pages()) {
      for (String shown : commandLines(Files.readString(doc))) {
        lines++;
        check(shown)
            .ifPresent(p -> problems.add(Docs.root().relativize(doc) + ": `" + shown + "`: " + p));
      }
    }
    assertThat(lines).as("command lines found in the docs").isGreaterThan(20);
    assertThat(problems).isEmpty();
  }

  @Test
  void everyCommandIsShownInTheDocs() throws IOException {
    StringBuilder all = new StringBuilder();
    for (Path doc : Docs.pages()) {
      all.append(Files.readString(doc)).append('\n');
    }
    List<String> missing = new ArrayList<>();
    cli.getSubcommands()
        .forEach(
            (name, sub) -> {
              if (!Pattern.compile("sqlfeed " + Pattern.quote(name) + "\\b").matcher(all).find()) {
                missing.add(name);
              }
            });
    assertThat(missing).as("commands no doc shows").isEmpty();
  }

  @Test
  void aMisspeltOptionOrCommandIsFound() {
    assertThat(check("sqlfeed run --config FILE --oncee"))
        .hasValueSatisfying(p -> assertThat(p).contains("no option --oncee"));
    // A misspelt command leaves its options to the top level, which has none.
    assertThat(check("sqlfeed runn --config FILE"))
        .hasValueSatisfying(p -> assertThat(p).contains("`sqlfeed` has no option --config"));
    assertThat(check("sqlfeed events prune --keep N")).isEmpty();
    assertThat(check("sqlfeed events prune --follow"))
        .hasValueSatisfying(p -> assertThat(p).contains("no option --follow"));
    assertThat(
            commandLines(
                "run `sqlfeed sync --config app.yml` then\n    ./sqlfeed demo --seed 3 &&"
                    + " ./sqlfeed status\n"))
        .containsExactly("sync --config app.yml", "demo --seed 3", "status");
  }

  /** What is wrong with a command line, if anything. */
  private java.util.Optional<String> check(String shown) {
    String[] words = shown.replaceFirst("^(\\./)?sqlfeed\\s*", "").trim().split("\\s+");
    CommandLine command = cli;
    int i = 0;
    while (i < words.length && command.getSubcommands().containsKey(words[i])) {
      command = command.getSubcommands().get(words[i]);
      i++;
    }
    for (; i < words.length; i++) {
      Matcher option = OPTION.matcher(words[i]);
      if (option.find()) {
        String name = option.group(1);
        if (command.getCommandSpec().findOption(name) == null
            && !name.equals("--help")
            && !(command == cli && name.equals("--version"))) {
          return java.util.Optional.of(
              "`" + command.getCommandSpec().qualifiedName() + "` has no option " + name);
        }
      }
    }
    return java.util.Optional.empty();
  }

  /** The command lines of a Markdown text, each without its leading {@code sqlfeed}. */
  static List<String> commandLines(String markdown) {
    List<String> found = new ArrayList<>();
    boolean fenced = false;
    for (String line : markdown.split("\n")) {
      if (line.strip().startsWith("```")) {
        fenced = !fenced;
        continue;
      }
      List<String> spans = new ArrayList<>();
      if (fenced || line.startsWith("    ")) {
        spans.add(line);
      } else {
        Matcher span = Pattern.compile("`([^`]+)`").matcher(line);
        while (span.find()) {
          spans.add(span.group(1));
        }
      }
      for (String span : spans) {
        for (String text : span.split("&&|;|\\|")) {
          Matcher command = COMMAND.matcher(text);
          if (command.find()) {
            String rest = command.group(1).strip();
            if (!rest.isEmpty() && (rest.startsWith("-") || Character.isLetter(rest.charAt(0)))) {
              found.add(rest);
            }
          }
        }
      }
    }
    return found;
  }
}
