package dev.sqlfeed.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sqlfeed.domain.error.ConfigException;
import dev.sqlfeed.domain.error.StoreException;
import dev.sqlfeed.domain.mirror.MirrorRecord;
import dev.sqlfeed.jdbc.testing.TestDatabase;
import dev.sqlfeed.jdbc.testing.TestDatabases;
import dev.sqlfeed.ports.FullSyncWrite;
import dev.sqlfeed.ports.InMemorySyncStore;
import dev.sqlfeed.ports.MirrorCounts;
import dev.sqlfeed.ports.ReconcileCounts;
import dev.sqlfeed.ports.SampleMirror;
import dev.sqlfeed.ports.SyncRun;
import dev.sqlfeed.ports.SyncStore;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The JDBC sync store on every database it supports, against real servers. */
class JooqSyncStoreIT {
  private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

  @Test
  void theSameMirrorExportsByteIdenticalTextFromEveryStore() {
    List<MirrorRecord> mirror = new ArrayList<>(SampleMirror.inCanonicalOrder());
    mirror.addAll(SampleMirror.withEveryValue());
    Map<String, String> exports = new LinkedHashMap<>();
    try (SyncStore memory = new InMemorySyncStore()) {
      exports.put("memory", syncAndExport(memory, mirror));
    }
    for (TestDatabase.Kind kind : TestDatabase.Kind.values()) {
      try (TestDatabase database = TestDatabases.create(kind);
          SyncStore store = open(database)) {
        exports.put(kind.name(), syncAndExport(store, mirror));
      }
    }

    assertThat(exports.get("memory")).hasLineCount(mirror.size());
    exports.forEach(
        (store, text) ->
            assertThat(text).as("export of %s", store).isEqualTo(exports.get("memory")));
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void reopeningAStoreKeepsItsMirrorAndRuns(TestDatabase.Kind kind) {
    try (TestDatabase database = TestDatabases.create(kind)) {
      SyncRun run;
      try (SyncStore store = open(database)) {
        run = sync(store, SampleMirror.withEveryValue());
      }
      try (SyncStore store = open(database)) {
        assertThat(export(store)).isEqualTo(lines(SampleMirror.withEveryValue()));
        assertThat(store.syncRuns("hr")).containsExactly(run);
        assertThat(store.apps()).containsExactly("hr");
      }
      assertThat(schemaVersions(database))
          .containsExactlyElementsOf(IntStream.rangeClosed(1, StoreSchema.LATEST).boxed().toList());
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void aCommitThatFailsChangesNothingAndIsRecordedAsFailed(TestDatabase.Kind kind)
      throws Exception {
    try (TestDatabase database = TestDatabases.create(kind);
        SyncStore store = open(database)) {
      FullSyncWrite write = store.beginFullSync("hr", T0.plusSeconds(60));
      write.put(
          List.of(SampleMirror.resource("user", "new"), SampleMirror.grant("g", "1", "m", "1")));
      renameGrants(database, "grants", "grants_away");

      assertThatThrownBy(() -> write.commit(T0.plusSeconds(61)))
          .isInstanceOfSatisfying(
              StoreException.class,
              e -> assertThat(e.kind()).isEqualTo(StoreException.Kind.QUERY_FAILED))
          .hasMessageStartingWith("committing the full sync of hr");
      SyncRun failed = write.fail(T0.plusSeconds(62), "ignored: the commit already failed");
      write.close();
      renameGrants(database, "grants_away", "grants");

      assertThat(failed.outcome()).isEqualTo(SyncRun.Outcome.FAILED);
      assertThat(failed.message()).startsWith("commit failed: committing the full sync of hr");
      assertThat(failed.counts()).isEqualTo(new MirrorCounts(1, 0, 1));
      assertThat(store.syncRuns("hr").get(0)).isEqualTo(failed);
      assertThat(store.apps()).isEmpty();
      assertThat(export(store)).isEmpty();
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void aReconciliationThatFailsBeforeItsFirstPageChangesNothingAndIsRecordedAsFailed(
      TestDatabase.Kind kind) throws Exception {
    try (TestDatabase database = TestDatabases.create(kind);
        SyncStore store = open(database)) {
      sync(store, SampleMirror.withEveryValue());
      FullSyncWrite write = store.beginFullSync("hr", T0.plusSeconds(60));
      write.put(
          List.of(SampleMirror.resource("user", "new"), SampleMirror.grant("g", "1", "m", "1")));
      renameGrants(database, "grants", "grants_away");

      assertThatThrownBy(() -> write.commit(T0.plusSeconds(61)))
          .isInstanceOf(StoreException.class)
          .hasMessageStartingWith("reading the mirror of hr");
      SyncRun failed = write.fail(T0.plusSeconds(62), "ignored: the commit already failed");
      write.close();
      renameGrants(database, "grants_away", "grants");

      assertThat(failed.message()).startsWith("commit failed: reading the mirror of hr");
      assertThat(failed.reconciled()).isEqualTo(ReconcileCounts.NONE);
      assertThat(store.syncRuns("hr").get(0)).isEqualTo(failed);
      assertThat(store.events(Optional.empty(), 0, 10)).isEmpty();
      assertThat(export(store)).isEqualTo(lines(SampleMirror.withEveryValue()));
    }
  }

  @ParameterizedTest
  @EnumSource(
      value = TestDatabase.Kind.class,
      names = {"POSTGRES", "MARIADB"})
  void credentialsMayComeAsUrlParameters(TestDatabase.Kind kind) {
    try (TestDatabase database = TestDatabases.create(kind)) {
      String url =
          database.jdbcUrl()
              + "?user="
              + database.user()
              + (database.password() == null || database.password().isEmpty()
                  ? ""
                  : "&password=" + database.password());
      try (SyncStore store = JdbcStores.open(url)) {
        sync(store, SampleMirror.withEveryValue());
        assertThat(export(store)).isEqualTo(lines(SampleMirror.withEveryValue()));
      }
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void aStoreWrittenByANewerSqlfeedIsRefused(TestDatabase.Kind kind) throws Exception {
    try (TestDatabase database = TestDatabases.create(kind)) {
      open(database).close();
      try (Connection c = database.connect()) {
        jooq(c, database)
            .insertInto(StoreSchema.SCHEMA_VERSION, StoreSchema.VERSION, StoreSchema.APPLIED_AT)
            .values(99, "2030-01-01T00:00:00.000000Z")
            .execute();
      }

      assertThatThrownBy(() -> open(database))
          .isInstanceOfSatisfying(
              StoreException.class,
              e -> assertThat(e.kind()).isEqualTo(StoreException.Kind.QUERY_FAILED))
          .hasMessageContaining("version 99");
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void aDatabaseWithAnotherApplicationsTables_isRefusedBeforeAnythingIsCreated(
      TestDatabase.Kind kind) throws Exception {
    try (TestDatabase database = TestDatabases.create(kind)) {
      database.execute("CREATE TABLE app_users (id INTEGER PRIMARY KEY, name VARCHAR(20))");

      assertThatThrownBy(() -> open(database))
          .isInstanceOf(ConfigException.class)
          .hasMessageContaining("is not a sqlfeed store: it holds tables that are not sqlfeed's")
          .hasMessageContaining("app_users");
      try (Connection c = database.connect();
          java.sql.ResultSet rs =
              c.getMetaData()
                  .getTables(c.getCatalog(), c.getSchema(), "%", new String[] {"TABLE"})) {
        List<String> tables = new java.util.ArrayList<>();
        while (rs.next()) {
          tables.add(rs.getString("TABLE_NAME").toLowerCase(java.util.Locale.ROOT));
        }
        assertThat(tables).containsExactly("app_users");
      }
    }
  }

  @Test
  void aServerThatRefusesConnectionsIsUnavailableAndItsPasswordIsNeverShown() {
    for (String url :
        List.of(
            "jdbc:postgresql://127.0.0.1:1/sqlfeed?user=sqlfeed&password=s3cret-pw",
            "jdbc:mariadb://127.0.0.1:1/sqlfeed?user=sqlfeed&password=s3cret-pw")) {
      assertThatThrownBy(() -> JdbcStores.open(url))
          .as(url)
          .isInstanceOfSatisfying(
              StoreException.class,
              e -> {
                assertThat(e.kind()).isEqualTo(StoreException.Kind.UNAVAILABLE);
                assertThat(e.transientFailure()).isTrue();
                assertThat(everyMessage(e)).doesNotContain("s3cret-pw").contains("127.0.0.1:1");
              });
    }
  }

  @Test
  void aWrongPasswordIsUnavailableAndNotShown() {
    try (TestDatabase database = TestDatabases.create(TestDatabase.Kind.MARIADB)) {
      assertThatThrownBy(() -> JdbcStores.open(database.jdbcUrl(), "root", "s3cret-pw"))
          .isInstanceOfSatisfying(
              StoreException.class,
              e -> {
                assertThat(e.kind()).isEqualTo(StoreException.Kind.UNAVAILABLE);
                assertThat(e.transientFailure()).isFalse();
                assertThat(everyMessage(e)).doesNotContain("s3cret-pw");
              });
    }
  }

  @Test
  void anSqliteFileThatCannotBeCreatedIsUnavailable(@TempDir Path dir) {
    String url = "jdbc:sqlite:" + dir.resolve("missing/dir/store.db");

    assertThatThrownBy(() -> JdbcStores.open(url))
        .isInstanceOfSatisfying(
            StoreException.class,
            e -> assertThat(e.kind()).isEqualTo(StoreException.Kind.UNAVAILABLE))
        .hasMessageContaining("cannot open the sync store");
  }

  @Test
  void anUnsupportedUrlIsAConfigError() {
    assertThatThrownBy(() -> JdbcStores.open("jdbc:oracle:thin:@//db/x?password=s3cret-pw"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("unsupported sync store URL")
        .hasMessageNotContaining("s3cret-pw");
  }

  @Test
  void sqliteExportsReadTheCommittedMirrorWhileAnotherWriterHoldsTheLock(@TempDir Path dir)
      throws Exception {
    String url = "jdbc:sqlite:" + dir.resolve("store.db");
    try (SyncStore store = JdbcStores.open(url);
        Connection other = DriverManager.getConnection(url);
        Statement s = other.createStatement()) {
      sync(store, SampleMirror.withEveryValue());
      try (ResultSet rs = s.executeQuery("PRAGMA journal_mode")) {
        rs.next();
        assertThat(rs.getString(1)).isEqualToIgnoringCase("wal");
      }
      other.setAutoCommit(false);
      s.execute("DELETE FROM grants");

      long started = System.nanoTime();
      assertThat(export(store)).isEqualTo(lines(SampleMirror.withEveryValue()));
      assertThat(Duration.ofNanos(System.nanoTime() - started))
          .isLessThan(Duration.ofMillis(StorePools.SQLITE_BUSY_TIMEOUT_MS / 2));
      other.rollback();
    }
  }

  private static SyncStore open(TestDatabase database) {
    return JdbcStores.open(database.jdbcUrl(), database.user(), database.password());
  }

  private static SyncRun sync(SyncStore store, List<? extends MirrorRecord> records) {
    try (FullSyncWrite write = store.beginFullSync("hr", T0)) {
      write.put(SampleMirror.shuffled(records));
      return write.commit(T0.plusSeconds(1));
    }
  }

  private static String syncAndExport(SyncStore store, List<MirrorRecord> mirror) {
    sync(store, mirror);
    StringBuilder text = new StringBuilder();
    store.exportMirror(Optional.empty(), r -> text.append(r.toJsonLine()).append('\n'));
    return text.toString();
  }

  private static List<String> export(SyncStore store) {
    List<String> lines = new ArrayList<>();
    store.exportMirror(Optional.of("hr"), r -> lines.add(r.toJsonLine()));
    return lines;
  }

  private static List<String> lines(List<? extends MirrorRecord> records) {
    return records.stream().map(MirrorRecord::toJsonLine).toList();
  }

  private static List<Integer> schemaVersions(TestDatabase database) {
    try (Connection c = database.connect()) {
      return jooq(c, database)
          .select(StoreSchema.VERSION)
          .from(StoreSchema.SCHEMA_VERSION)
          .fetch(StoreSchema.VERSION);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void renameGrants(TestDatabase database, String from, String to)
      throws SQLException {
    try (Connection c = database.connect()) {
      jooq(c, database).alterTable(DSL.name(from)).renameTo(DSL.name(to)).execute();
    }
  }

  private static DSLContext jooq(Connection c, TestDatabase database) {
    return DSL.using(c, StoreDialect.of(database.jdbcUrl()).jooq());
  }

  private static String everyMessage(Throwable e) {
    StringBuilder text = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause()) {
      text.append(t).append('\n');
      for (Throwable s : t.getSuppressed()) {
        text.append(s).append('\n');
      }
    }
    return text.toString();
  }
}
