package dev.sqlfeed.jdbc;

import dev.sqlfeed.domain.error.ConfigException;
import dev.sqlfeed.ports.fullsync.KeyOrder;
import java.sql.Connection;
import java.util.Locale;
import org.jooq.DataType;
import org.jooq.Field;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * What differs between the databases a sync store runs on, kept in one place: how strings compare
 * (every store must order keys by code point, the byte order of UTF-8), table options, the
 * isolation under which an export sees one consistent snapshot, and how a page write locks.
 */
enum StoreDialect {
  /** BINARY, SQLite's default collation, compares UTF-8 bytes. */
  SQLITE(SQLDialect.SQLITE, "jdbc:sqlite:", Connection.TRANSACTION_SERIALIZABLE, null),
  /** Collation "C" on every string column; the database's own collation may be a locale's. */
  POSTGRES(SQLDialect.POSTGRES, "jdbc:postgresql:", Connection.TRANSACTION_REPEATABLE_READ, null),
  /**
   * A binary collation with NO PAD: MariaDB's {@code utf8mb4_bin} is PAD SPACE and would make
   * {@code "a"} and {@code "a "} the same key.
   */
  MARIADB(
      SQLDialect.MARIADB,
      "jdbc:mariadb:",
      Connection.TRANSACTION_REPEATABLE_READ,
      "DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin"),
  /** Reached through the MariaDB driver; MySQL 8's binary NO PAD collation. Not tested here. */
  MYSQL(
      SQLDialect.MYSQL,
      "jdbc:mysql:",
      Connection.TRANSACTION_REPEATABLE_READ,
      "DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_bin"),
  /**
   * H2 compares strings as Java does (UTF-16 code units), so exports sort on the UTF-8 bytes. Its
   * REPEATABLE READ takes a snapshot per table at first access; SERIALIZABLE takes one for all.
   */
  H2(SQLDialect.H2, "jdbc:h2:", Connection.TRANSACTION_SERIALIZABLE, null);

  private final SQLDialect jooq;
  private final String urlPrefix;
  private final int snapshotIsolation;
  private final String tableOptions;

  StoreDialect(SQLDialect jooq, String urlPrefix, int snapshotIsolation, String tableOptions) {
    this.jooq = jooq;
    this.urlPrefix = urlPrefix;
    this.snapshotIsolation = snapshotIsolation;
    this.tableOptions = tableOptions;
  }

  /**
   * The dialect of a JDBC URL.
   *
   * @throws ConfigException if no sync store runs on that database
   */
  static StoreDialect of(String jdbcUrl) {
    String lower = jdbcUrl.toLowerCase(Locale.ROOT);
    for (StoreDialect dialect : values()) {
      if (lower.startsWith(dialect.urlPrefix)) {
        return dialect;
      }
    }
    throw new ConfigException(
        "unsupported sync store URL "
            + StoreErrors.redactUrl(jdbcUrl)
            + ": use jdbc:sqlite:FILE, jdbc:postgresql://..., jdbc:mariadb://..., jdbc:mysql://..."
            + " or jdbc:h2:...");
  }

  SQLDialect jooq() {
    return jooq;
  }

  /** The URL to hand the driver. */
  String driverUrl(String jdbcUrl) {
    if (this != MYSQL) {
      return jdbcUrl;
    }
    // The MariaDB driver, the only MySQL-protocol driver shipped, takes jdbc:mysql: only when told.
    return jdbcUrl + (jdbcUrl.contains("?") ? "&" : "?") + "permitMysqlScheme";
  }

  /** The type of a column in CREATE TABLE: string columns get the binary collation. */
  <T> DataType<T> columnType(DataType<T> type) {
    if (this == POSTGRES && type.getType() == String.class && !type.isLob()) {
      return type.collation(DSL.collation("C"));
    }
    return type;
  }

  /** Table options that set the character set and collation of every column, or null. */
  String tableOptions() {
    return tableOptions;
  }

  /** What to ORDER BY so that the column sorts by code point. */
  Field<?> sortKey(Field<String> column) {
    return this == H2 ? column.cast(SQLDataType.VARBINARY) : column;
  }

  /**
   * Whether {@code SELECT ... FOR UPDATE} locks rows. SQLite has no row locks and needs none: the
   * store's writes begin IMMEDIATE on its one writer connection, so a write transaction holds the
   * database's write lock from its first statement to its commit.
   */
  boolean rowLocks() {
    return this != SQLITE;
  }

  /**
   * Whether a page's event keys are looked up by joining the log with one array bind value ({@code
   * unnest(?)}) rather than with {@code IN (?, ?, ...)}. On PostgreSQL an IN list of bind values,
   * once planned generically (after five runs of a prepared statement), is compared one by one with
   * every row of a sequential scan: 750 ms for 500 keys against 25,000 events. The earlier join
   * with a {@code VALUES} list hashed the keys but read the whole log, half of a 1,000-event page
   * write at 80,000 events (JFR). {@code event_key = ANY(?)} was worse while the log was small: its
   * custom plans scanned the log and coerced the array for every row, 20 s for a page at 9,000
   * events. The join is planned as a hash join while the log is small and as index probes once it
   * is not. MariaDB and H2 have no array bind values and were slower with a {@code VALUES} join.
   */
  boolean looksUpKeysByArray() {
    return this == POSTGRES;
  }

  /**
   * The order in which the database sorts key columns ({@code ORDER BY} and {@code >} on them, as
   * their index has them): by code point everywhere but on H2, which compares as Java's {@link
   * String#compareTo} does (UTF-16 code units).
   */
  java.util.Comparator<String> keyOrder() {
    return this == H2 ? java.util.Comparator.naturalOrder() : KeyOrder.CODE_POINTS;
  }

  /**
   * Whether {@code (k1, k2) > (?, ?)} after an equality on the index's first column reads only the
   * index range it selects; see {@link KeysetMirror}.
   */
  boolean comparesRowsByIndex() {
    return this != MARIADB && this != MYSQL;
  }

  /** The isolation under which several SELECTs of one transaction see one snapshot. */
  int snapshotIsolation() {
    return snapshotIsolation;
  }
}
