package dev.sqlfeed.worker.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sqlfeed.jdbc.testing.TestDatabase;
import dev.sqlfeed.jdbc.testing.TestDatabase.Kind;
import dev.sqlfeed.jdbc.testing.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.BiFunction;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 9's matrix of cursor and key forms, end to end: per database one application with a
 * resource type per cursor form (each paired with a key form), a full sync, then three cycles of
 * seeded changes (a row renamed and restamped, a row inserted) each followed by {@code run --once}
 * with {@code page_size: 2} and {@code default_lookback: 1h}; after each, the mirror's export
 * equals that of a fresh full sync.
 *
 * <p>Each row changes at most once, so that a coarse cursor (a date, whole seconds) never needs two
 * changes of one row within one tick told apart (the cursors-ticks branch's rule).
 */
class CursorKeyMatrixIT {
  private static final DateTimeFormatter SPACE_MILLIS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS", Locale.ROOT);
  private static final DateTimeFormatter SPACE_SECONDS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);
  private static final DateTimeFormatter T_MICROS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS", Locale.ROOT);
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");

  @TempDir Path dir;

  /**
   * A key form: its column type and eight distinct keys as SQL literals (five first, three new).
   */
  record Keys(String type, List<String> literals) {}

  /**
   * A cursor form: the column type, and how a moment is written into it ({@code random} picks a
   * spelling where the form mixes them).
   */
  record Form(String name, String type, BiFunction<Instant, SplittableRandom, String> stamp) {}

  static final Keys INTEGER = new Keys("BIGINT", List.of("1", "2", "3", "4", "5", "6", "7", "8"));
  static final Keys BIG =
      new Keys(
          "BIGINT",
          List.of(
              "-9223372036854775807",
              "-5",
              "0",
              "9007199254740993",
              "9223372036854775807",
              "-9007199254740993",
              "42",
              "4611686018427387904"));
  static final Keys TEXT =
      new Keys(
          "VARCHAR(40)",
          List.of(
              "'Alice'",
              "'alice2'",
              "'007'",
              "'7'",
              "'1e3'",
              "'with space'",
              "'Ünïcode ✓'",
              "'x''y'"));
  static final Keys UUID =
      new Keys(
          "UUID",
          List.of(
              "'00000000-0000-0000-0000-000000000001'",
              "'ffffffff-ffff-ffff-ffff-ffffffffffff'",
              "'7d444840-9dc0-11d1-b245-5ffdce74fad2'",
              "'e902893a-9d22-3c7e-a7b8-d6e313b71d9f'",
              "'123e4567-e89b-12d3-a456-426614174000'",
              "'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'",
              "'550e8400-e29b-41d4-a716-446655440000'",
              "'6ba7b810-9dad-11d1-80b4-00c04fd430c8'"));

  static String quoted(String text) {
    return "'" + text + "'";
  }

  static LocalDateTime utc(Instant t) {
    return LocalDateTime.ofInstant(t, ZoneOffset.UTC);
  }

  /** Go's RFC3339Nano: fraction digits with trailing zeros trimmed, and Z. */
  static String rfc3339Nano(Instant t) {
    String nanos = String.format(Locale.ROOT, "%09d", t.getNano()).replaceAll("0+$", "");
    return utc(t).truncatedTo(ChronoUnit.SECONDS).format(T_MICROS).substring(0, 19)
        + (nanos.isEmpty() ? "" : "." + nanos)
        + "Z";
  }

  static List<Form> forms(Kind kind) {
    return switch (kind) {
      case SQLITE ->
          List.of(
              new Form("s_millis", "TEXT", (t, r) -> quoted(SPACE_MILLIS.format(utc(t)))),
              new Form("s_seconds", "TEXT", (t, r) -> quoted(SPACE_SECONDS.format(utc(t)))),
              new Form("s_t_micros", "TEXT", (t, r) -> quoted(T_MICROS.format(utc(t)))),
              new Form("s_rfc3339nano", "TEXT", (t, r) -> quoted(rfc3339Nano(t))),
              new Form(
                  "s_mixed",
                  "TEXT",
                  (t, r) ->
                      switch (r.nextInt(5)) {
                        case 0 -> quoted(SPACE_SECONDS.format(utc(t)));
                        case 1 -> quoted(SPACE_SECONDS.format(utc(t)).replace(' ', 'T'));
                        case 2 -> quoted(rfc3339Nano(t));
                        case 3 -> quoted(SPACE_MILLIS.format(utc(t)) + "+00:00");
                        default -> quoted(T_MICROS.format(utc(t)));
                      }),
              new Form("s_epoch_seconds", "INTEGER", (t, r) -> "" + t.getEpochSecond()),
              new Form("s_epoch_millis", "INTEGER", (t, r) -> "" + t.toEpochMilli()));
      case POSTGRES ->
          List.of(
              new Form("p_date", "DATE", (t, r) -> quoted(DATE.format(utc(t)))),
              new Form("p_timestamp", "TIMESTAMP", (t, r) -> quoted(T_MICROS.format(utc(t)))),
              new Form(
                  "p_timestamptz", "TIMESTAMPTZ", (t, r) -> quoted(T_MICROS.format(utc(t)) + "Z")));
      case MARIADB ->
          List.of(
              new Form(
                  "m_datetime0", "DATETIME(0)", (t, r) -> quoted(SPACE_SECONDS.format(utc(t)))),
              new Form("m_datetime6", "DATETIME(6)", (t, r) -> quoted(T_MICROS.format(utc(t)))),
              new Form(
                  "m_timestamp", "TIMESTAMP NULL", (t, r) -> quoted(SPACE_SECONDS.format(utc(t)))));
      case H2 -> List.of();
    };
  }

  /** The key forms of a database, paired with its cursor forms in turn. */
  static List<Keys> keys(Kind kind) {
    return switch (kind) {
      case SQLITE -> List.of(INTEGER, BIG, TEXT);
      case POSTGRES -> List.of(UUID, BIG, TEXT);
      case MARIADB ->
          List.of(INTEGER, BIG, new Keys("VARCHAR(40) COLLATE utf8mb4_bin", TEXT.literals()));
      case H2 -> List.of();
    };
  }

  private String config(Kind kind, List<Form> forms, boolean computed) {
    StringBuilder yaml = new StringBuilder();
    yaml.append("app_name: matrix\nconnect:\n  dsn: \"${SRC_DSN}\"\n");
    yaml.append("incremental_sync:\n  page_size: 2\n  default_lookback: 1h\n");
    yaml.append("resource_types:\n");
    List<String> names = new ArrayList<>(forms.stream().map(Form::name).toList());
    if (computed) {
      names.add("computed");
    }
    for (String name : names) {
      String id = name.equals("computed") ? "team || ':' || member" : "id";
      yaml.append(
          """
            %1$s:
              name: %1$s
              list:
                query: SELECT %2$s AS id, name FROM %1$s
                map: {id: ".id", display_name: ".name"}
              get:
                query: SELECT %2$s AS id, name FROM %1$s WHERE %2$s = ?<id>
              incremental_sync:
                query: SELECT %2$s AS id, updated_at FROM %1$s WHERE updated_at >= ?<since>
                cursor_column: updated_at
                pagination: {primary_key: id}
          """
              .formatted(name, id));
    }
    return yaml.toString();
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(
      value = Kind.class,
      names = {"SQLITE", "POSTGRES", "MARIADB"})
  void everyCursorAndKeyForm_keepsTheMirrorEqualToAFreshFullSync(Kind kind) throws Exception {
    long seed = System.nanoTime();
    SplittableRandom random = new SplittableRandom(seed);
    List<Form> forms = forms(kind);
    boolean computed = kind != Kind.MARIADB;
    try (TestDatabase db = TestDatabases.create(kind)) {
      String prefix = kind == Kind.MARIADB ? "SET time_zone = '+00:00';" : "";
      Instant start = Instant.now().minus(2, ChronoUnit.DAYS);
      List<String> sql = new ArrayList<>();
      for (int f = 0; f < forms.size(); f++) {
        Form form = forms.get(f);
        Keys keys = keys(kind).get(f % keys(kind).size());
        sql.add(
            "CREATE TABLE "
                + form.name()
                + " (id "
                + keys.type()
                + " PRIMARY KEY, name VARCHAR(40), updated_at "
                + form.type()
                + ")");
        for (int k = 0; k < 5; k++) {
          sql.add(insert(form.name(), keys.literals().get(k), form.stamp().apply(start, random)));
        }
      }
      if (computed) {
        sql.add(
            "CREATE TABLE computed (team VARCHAR(20), member INTEGER, name VARCHAR(40),"
                + " updated_at "
                + (kind == Kind.POSTGRES ? "TIMESTAMP" : "TEXT")
                + ", PRIMARY KEY (team, member))");
        for (int k = 0; k < 5; k++) {
          sql.add(
              "INSERT INTO computed VALUES ('team"
                  + (k % 2)
                  + "', "
                  + k
                  + ", 'n"
                  + k
                  + "', "
                  + quoted(SPACE_MILLIS.format(utc(start)))
                  + ")");
        }
      }
      exec(db, prefix, sql);
      Path config = Files.writeString(dir.resolve("app.yml"), config(kind, forms, computed));
      String dsn =
          kind == Kind.SQLITE
              ? "sqlite:" + db.jdbcUrl().substring("jdbc:sqlite:".length())
              : AcmeExample.batonDsn(db);
      Map<String, String> env = Map.of("SRC_DSN", dsn);
      String store = "jdbc:sqlite:" + dir.resolve("incremental.db");
      CliRun.run(env, "sync", "--config", config.toString(), "--store", store).exits(0);

      List<Integer> unchanged = new ArrayList<>(List.of(0, 1, 2, 3, 4));
      for (int cycle = 1; cycle <= 3; cycle++) {
        Instant now = Instant.now().minusSeconds(5);
        int row = unchanged.remove(random.nextInt(unchanged.size()));
        List<String> changes = new ArrayList<>();
        for (int f = 0; f < forms.size(); f++) {
          Form form = forms.get(f);
          List<String> literals = keys(kind).get(f % keys(kind).size()).literals();
          changes.add(
              "UPDATE "
                  + form.name()
                  + " SET name = 'c"
                  + cycle
                  + "', updated_at = "
                  + form.stamp().apply(now, random)
                  + " WHERE id = "
                  + literals.get(row));
          changes.add(
              insert(form.name(), literals.get(4 + cycle), form.stamp().apply(now, random)));
        }
        if (computed) {
          String stamp = quoted(SPACE_MILLIS.format(utc(now)));
          changes.add(
              "UPDATE computed SET name = 'c"
                  + cycle
                  + "', updated_at = "
                  + stamp
                  + " WHERE member = "
                  + row);
          changes.add(
              "INSERT INTO computed VALUES ('team9', " + (10 + cycle) + ", 'new', " + stamp + ")");
        }
        exec(db, prefix, changes);

        CliRun.once(env, config, store).exits(0);
        String fresh = "jdbc:sqlite:" + dir.resolve("fresh-" + cycle + ".db");
        CliRun.run(env, "sync", "--config", config.toString(), "--store", fresh).exits(0);

        assertThat(CliRun.run("export", "--store", store).exits(0).out())
            .as("seed %d, cycle %d: the mirror after run --once", seed, cycle)
            .isEqualTo(CliRun.run("export", "--store", fresh).exits(0).out());
      }
    }
  }

  private static String insert(String table, String key, String stamp) {
    return "INSERT INTO " + table + " VALUES (" + key + ", 'n', " + stamp + ")";
  }

  private static void exec(TestDatabase db, String prefix, List<String> sql) {
    List<String> all = new ArrayList<>();
    if (!prefix.isEmpty()) {
      all.add(prefix.substring(0, prefix.length() - 1));
    }
    all.addAll(sql);
    db.execute(all.toArray(String[]::new));
  }
}
