package dev.sqlfeed.worker.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sqlfeed.jdbc.testing.TestDatabase;
import dev.sqlfeed.jdbc.testing.TestDatabases;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code sqlfeed run --once} over the PostgreSQL and MariaDB examples, each loaded from its schema
 * and the shared seed into a fresh database: the incremental sources find the same 24 events as the
 * SQLite example (5 users, 3 teams, 3 roles, 8 team grants, 5 role grants), and a second run
 * appends nothing.
 */
class CliRunExamplesIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;

  @ParameterizedTest(name = "{0}")
  @CsvSource({"POSTGRES, postgres, ACME_PG_DSN", "MARIADB, mariadb, ACME_MARIADB_DSN"})
  void runOnce_appendsTheExamplesChanges_andASecondRunAppendsNothing(
      TestDatabase.Kind kind, String example, String dsnVariable) throws IOException {
    try (TestDatabase source = TestDatabases.create(kind)) {
      AcmeExample.load(source, example);
      Map<String, String> env = Map.of(dsnVariable, AcmeExample.batonDsn(source));
      String config = AcmeExample.examplesDir().resolve(example).resolve("app.yml").toString();
      String store = "jdbc:sqlite:" + tmp.resolve("store.db");

      CliRun first = CliRun.once(env, config, store).exits(0);

      assertThat(first.out())
          .contains("user: committed", "(5 rows, 5 new events, 0 duplicates)")
          .contains("team.grants.0.changes: committed", "(5 rows, 8 new events, 0 duplicates)")
          .contains("team: committed", "(3 rows, 3 new events, 0 duplicates)")
          .contains("role: committed", "(3 rows, 3 new events, 0 duplicates)")
          .contains("role.grants.0.changes: committed", "(5 rows, 5 new events, 0 duplicates)");
      List<JsonNode> events = events(store);
      assertThat(events).hasSize(24);
      assertThat(events.stream().filter(e -> e.get("kind").asText().equals("resource_changed")))
          .hasSize(11)
          .filteredOn(e -> e.get("id").asText().startsWith("resource:user:"))
          .extracting(e -> e.get("resource_id").asText())
          .containsExactlyInAnyOrder("1", "2", "3", "4", "9007199254740993");
      assertThat(events.stream().filter(e -> e.get("kind").asText().equals("grant_created")))
          .hasSize(13)
          .filteredOn(e -> e.get("id").asText().startsWith("grant:team:"))
          .extracting(
              e ->
                  e.get("resource_id").asText()
                      + " "
                      + e.get("entitlement").asText()
                      + " "
                      + e.get("principal_id").asText())
          .containsExactlyInAnyOrder(
              "platform member 1",
              "platform admin 1",
              "platform member 2",
              "research member 3",
              "research admin 3",
              "ops member 4",
              "ops admin 4",
              "ops member 9007199254740993");

      CliRun second = CliRun.once(env, config, store).exits(0);

      assertThat(second.out()).contains(" 0 new events").doesNotContain("new events, 0 duplicates");
      assertThat(events(store)).hasSize(24);
    }
  }

  /**
   * Issue 9, case 1: with small pages the SQLite example's grants queries, keyed by {@code
   * team_slug || ':' || user_id}, page past their first page instead of failing every cycle.
   */
  @ParameterizedTest(name = "page_size {0}")
  @ValueSource(ints = {1, 2})
  void runOnce_onTheSqliteExampleWithSmallPages_readsEveryChange(int pageSize) throws IOException {
    Path config = AcmeExample.copySqliteExample(tmp);
    CliRun.run("init-example", tmp.resolve("sqlite").toString()).exits(0);
    String yaml = Files.readString(config);
    assertThat(yaml).contains("  default_lookback: 8760h\n");
    Files.writeString(
        config,
        yaml.replace(
            "  default_lookback: 8760h\n",
            "  default_lookback: 8760h\n  page_size: " + pageSize + "\n"));
    String store = "jdbc:sqlite:" + tmp.resolve("store.db");

    CliRun first = CliRun.once(Map.of(), config, store).exits(0);

    // Every row of each grants source is read and handed over once. Which of them are new on that
    // line depends on the order the sources ran in: when the team source has already put a team
    // the mirror did not know, the grants source's check of that team may log its memberships
    // first (as restores), and the page that reads them again counts them as duplicates. The log
    // holds every change once either way.
    assertThat(handedOver(first.out(), "team.grants.0.changes")).isEqualTo(8);
    assertThat(handedOver(first.out(), "role.grants.0.changes")).isEqualTo(5);
    assertThat(events(store)).hasSize(24);
    CliRun.once(Map.of(), config, store).exits(0);
    assertThat(events(store)).hasSize(24);
  }

  /** The events a source's line of {@code run --once} says it handed over: new and duplicate. */
  private static int handedOver(String out, String source) {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile(
                java.util.regex.Pattern.quote(source)
                    + ": committed \\S+ \\(5 rows, (\\d+) new events, (\\d+) duplicates\\)")
            .matcher(out);
    assertThat(m.find()).as(out).isTrue();
    return Integer.parseInt(m.group(1)) + Integer.parseInt(m.group(2));
  }

  /** The event log as {@code sqlfeed events} prints it, one JSON object per line. */
  private static List<JsonNode> events(String store) {
    String out = CliRun.run("events", "--store", store).exits(0).out();
    assertThat(out).contains("\"resource_id\":\"9007199254740993\"");
    return out.lines().filter(l -> !l.isBlank()).map(CliRunExamplesIT::parse).toList();
  }

  private static JsonNode parse(String line) {
    try {
      return JSON.readTree(line);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
