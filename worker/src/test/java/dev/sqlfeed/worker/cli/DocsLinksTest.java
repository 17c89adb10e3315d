package dev.sqlfeed.worker.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every relative link of the README and the pages under {@code docs/} leads somewhere: to a file of
 * the repository, and, with {@code #anchor}, to a heading of that page (GitHub's anchors).
 */
class DocsLinksTest {
  private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
  private static final Pattern HEADING = Pattern.compile("^#{1,6} (.*)$");

  @Test
  void everyRelativeLinkLeadsToAFileAndAHeading() throws IOException {
    List<String> broken = new ArrayList<>();
    int links = 0;
    for (Path doc : Docs.pages()) {
      Matcher link = LINK.matcher(Files.readString(doc));
      while (link.find()) {
        String target = link.group(1);
        if (target.matches("^[a-z]+:.*")) {
          continue;
        }
        links++;
        int hash = target.indexOf('#');
        String file = hash < 0 ? target : target.substring(0, hash);
        Path to = file.isEmpty() ? doc : doc.getParent().resolve(file).normalize();
        if (!Files.exists(to)) {
          broken.add(Docs.root().relativize(doc) + ": " + target + " (no such file)");
        } else if (hash >= 0
            && to.toString().endsWith(".md")
            && !anchors(to).contains(target.substring(hash + 1))) {
          broken.add(Docs.root().relativize(doc) + ": " + target + " (no such heading)");
        }
      }
    }
    assertThat(links).as("relative links found").isPositive();
    assertThat(broken).isEmpty();
  }

  @Test
  void anchorsAreGitHubs() {
    assertThat(anchor("`sqlfeed sync` and a running worker"))
        .isEqualTo("sqlfeed-sync-and-a-running-worker");
    assertThat(anchor("Events over HTTP: `/events`")).isEqualTo("events-over-http-events");
    assertThat(anchor("Row-complete sources: `deleted_if`"))
        .isEqualTo("row-complete-sources-deleted_if");
  }

  /** The anchors of a page's headings, outside code blocks. */
  private static Set<String> anchors(Path page) throws IOException {
    Set<String> anchors = new HashSet<>();
    boolean fenced = false;
    for (String line : Files.readAllLines(page)) {
      if (line.strip().startsWith("```")) {
        fenced = !fenced;
      }
      Matcher heading = HEADING.matcher(line);
      if (!fenced && heading.matches()) {
        anchors.add(anchor(heading.group(1)));
      }
    }
    return anchors;
  }

  /** GitHub's anchor of a heading: lower case, punctuation dropped, spaces made hyphens. */
  static String anchor(String heading) {
    String text = heading.strip().toLowerCase(Locale.ROOT).replace("`", "");
    text = text.replaceAll("\\[([^\\]]*)\\]\\([^)]*\\)", "$1");
    text = text.replaceAll("[^\\p{L}\\p{N}_\\- ]", "");
    return text.replace(' ', '-');
  }
}
