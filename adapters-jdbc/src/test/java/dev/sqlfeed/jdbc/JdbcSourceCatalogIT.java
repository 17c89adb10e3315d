package dev.sqlfeed.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.sqlfeed.domain.connect.ConnectValues;
import dev.sqlfeed.domain.connect.ConnectionSpec;
import dev.sqlfeed.domain.error.SourceException;
import dev.sqlfeed.domain.query.SqlTemplate;
import dev.sqlfeed.jdbc.testing.OnEachDatabase;
import dev.sqlfeed.jdbc.testing.TestDatabase;
import dev.sqlfeed.jdbc.testing.TestDatabase.Kind;
import dev.sqlfeed.ports.SourceQuery;
import dev.sqlfeed.ports.catalog.BaseColumn;
import dev.sqlfeed.ports.catalog.IndexCheck;
import dev.sqlfeed.ports.catalog.ResultColumn;
import dev.sqlfeed.ports.catalog.SourceCatalog;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The catalog behind {@code validate --connect} on every product it reads: result columns and the
 * table columns behind them, leading indexes (primary keys included), views, and queries the
 * database refuses.
 */
class JdbcSourceCatalogIT {
  @AutoClose
  private static final DatabasePerKind DATABASES = new DatabasePerKind(JdbcSourceCatalogIT::tables);

  private static final String ORIGIN = "resource_types.member.incremental_sync.query";
  private static final String SELECT =
      "SELECT m.id AS member_id, team, updated_at, deleted_at, user_id + 1 AS next"
          + " FROM members m WHERE updated_at >= ?<since> AND team = ?<team>"
          + " ORDER BY m.id LIMIT ?<Limit> OFFSET ?<Offset>";
  private static final Map<String, Object> BINDINGS =
      Map.of("since", Instant.EPOCH, "team", "x", "limit", 1L, "offset", 0L);

  private static void tables(TestDatabase db) {
    db.execute(
        "CREATE TABLE members (id INTEGER PRIMARY KEY, team VARCHAR(20) NOT NULL,"
            + " user_id INTEGER, updated_at TIMESTAMP NOT NULL, deleted_at TIMESTAMP NULL)",
        "CREATE INDEX members_updated ON members (updated_at, id)",
        "CREATE INDEX members_team_deleted ON members (team, deleted_at)",
        "CREATE VIEW live_members AS SELECT id, team, updated_at FROM members"
            + " WHERE deleted_at IS NULL",
        "INSERT INTO members (id, team, user_id, updated_at)"
            + " VALUES (1, 'ops', 7, '2026-01-01 00:00:00')");
  }

  private static TestDatabase db(Kind kind) {
    return DATABASES.of(kind);
  }

  private static SourceCatalog open(Kind kind) {
    TestDatabase db = db(kind);
    return JdbcCatalogs.open(
        ConnectionSpec.of(ConnectValues.dsn(db.jdbcUrl(), db.user(), db.password())),
        SourceOptions.named("it"));
  }

  private static SourceQuery query(String sql) {
    return new SourceQuery(ORIGIN, SqlTemplate.parse(sql));
  }

  private static ResultColumn column(List<ResultColumn> columns, String label) {
    return columns.stream()
        .filter(c -> c.label().equalsIgnoreCase(label))
        .findFirst()
        .orElseThrow(() -> new AssertionError(label + " not in " + columns));
  }

  private static String lower(BaseColumn c) {
    return (c.table() + "." + c.column()).toLowerCase(Locale.ROOT);
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void columns_areTheResultsLabelsInOrder_withTheTableColumnsBehindThem(Kind kind) {
    try (SourceCatalog catalog = open(kind)) {
      List<ResultColumn> columns = catalog.columns(query(SELECT), BINDINGS);

      assertThat(columns)
          .extracting(c -> c.label().toLowerCase(Locale.ROOT))
          .containsExactly("member_id", "team", "updated_at", "deleted_at", "next");
      assertThat(column(columns, "updated_at").origin().map(JdbcSourceCatalogIT::lower))
          .contains("members.updated_at");
      assertThat(column(columns, "next").origin()).isEmpty();
      if (kind != Kind.SQLITE) {
        // sqlite-jdbc names the origin table but not the origin column of an alias.
        assertThat(column(columns, "member_id").origin().map(JdbcSourceCatalogIT::lower))
            .contains("members.id");
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void leadingIndex_findsIndexesAndPrimaryKeys_thatStartWithTheColumn(Kind kind) {
    try (SourceCatalog catalog = open(kind)) {
      List<ResultColumn> columns = catalog.columns(query(SELECT), BINDINGS);

      assertThat(catalog.leadingIndex(column(columns, "updated_at")))
          .isInstanceOfSatisfying(
              IndexCheck.Indexed.class,
              i -> assertThat(i.index().toLowerCase(Locale.ROOT)).isEqualTo("members_updated"));
      assertThat(catalog.leadingIndex(column(columns, "team")))
          .isInstanceOf(IndexCheck.Indexed.class);
      assertThat(catalog.leadingIndex(column(columns, "deleted_at")))
          .as("deleted_at is only the second column of an index")
          .isInstanceOfSatisfying(
              IndexCheck.NotIndexed.class,
              n -> assertThat(lower(n.column())).isEqualTo("members.deleted_at"));
      List<ResultColumn> plain = catalog.columns(query("SELECT id FROM members"), Map.of());
      assertThat(catalog.leadingIndex(plain.get(0)))
          .as("the primary key counts as an index")
          .isInstanceOf(IndexCheck.Indexed.class);
    }
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void leadingIndex_ofAComputedColumnOrAViewsColumn_isUnknown(Kind kind) {
    try (SourceCatalog catalog = open(kind)) {
      List<ResultColumn> columns = catalog.columns(query(SELECT), BINDINGS);
      List<ResultColumn> view =
          catalog.columns(query("SELECT id, updated_at FROM live_members"), Map.of());

      assertThat(catalog.leadingIndex(column(columns, "next")))
          .isInstanceOfSatisfying(
              IndexCheck.Unknown.class,
              u -> assertThat(u.reason()).containsIgnoringCase("table of next"));
      if (kind == Kind.SQLITE) {
        // SQLite reports the table behind a view's column, whose index a query on the view uses.
        assertThat(catalog.leadingIndex(column(view, "updated_at")))
            .isInstanceOf(IndexCheck.Indexed.class);
      } else {
        assertThat(catalog.leadingIndex(column(view, "updated_at")))
            .isInstanceOfSatisfying(
                IndexCheck.Unknown.class,
                u -> assertThat(u.reason()).containsIgnoringCase("view live_members"));
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void aMisspeltColumn_isAQueryFailure_namingTheQueryAndTheColumn(Kind kind) {
    try (SourceCatalog catalog = open(kind)) {
      SourceException e =
          catchThrowableOfType(
              SourceException.class,
              () -> catalog.columns(query("SELECT id, updated_a FROM members"), Map.of()));

      assertThat(e.kind()).isEqualTo(SourceException.Kind.QUERY_FAILED);
      assertThat(e.getMessage()).startsWith(ORIGIN + ": ").containsIgnoringCase("updated_a");
      // The catalog stays usable after a failed statement (PostgreSQL aborts its transaction).
      assertThat(catalog.columns(query("SELECT id FROM members"), Map.of())).hasSize(1);
    }
  }

  @OnEachDatabase
  void describingAWritingStatement_neverRunsIt(Kind kind) throws SQLException {
    try (SourceCatalog catalog = open(kind)) {
      SourceQuery delete = query("DELETE FROM members WHERE id = ?<id> RETURNING id");
      try {
        assertThat(catalog.columns(delete, Map.of("id", 1L)))
            .extracting(ResultColumn::label)
            .containsExactly("id");
      } catch (SourceException e) {
        // MariaDB refuses even to prepare a write in a read-only transaction: as good.
        assertThat(e.getMessage()).contains("READ ONLY");
      }
    }
    try (Connection c = db(kind).connect();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM members")) {
      rs.next();
      assertThat(rs.getInt(1)).isEqualTo(1);
    }
  }

  @ParameterizedTest
  @EnumSource(
      value = Kind.class,
      names = {"POSTGRES", "MARIADB"})
  void aDatabaseThatDoesNotExist_isUnavailable(Kind kind) {
    TestDatabase db = db(kind);
    String url = db.jdbcUrl().replace(db.name(), db.name() + "_missing");

    SourceException e =
        catchThrowableOfType(
            SourceException.class,
            () ->
                JdbcCatalogs.open(
                    ConnectionSpec.of(ConnectValues.dsn(url, db.user(), db.password())),
                    SourceOptions.named("it")));

    assertThat(e.kind()).isEqualTo(SourceException.Kind.UNAVAILABLE);
    assertThat(e.getMessage()).startsWith("connect: cannot connect to ");
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void theOriginOfAColumnWithoutATable_isEmpty(Kind kind) {
    try (SourceCatalog catalog = open(kind)) {
      assertThat(catalog.columns(query("SELECT id, 1 AS one FROM members"), Map.of()).get(1))
          .extracting(ResultColumn::origin)
          .isEqualTo(Optional.empty());
    }
  }
}
