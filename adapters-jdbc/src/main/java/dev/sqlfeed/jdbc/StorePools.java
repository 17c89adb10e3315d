package dev.sqlfeed.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * The store's connection pools. A server database gets one pool for reading and writing. SQLite
 * allows one writer at a time, so it gets a writer pool of one connection (transactions begin
 * IMMEDIATE, taking the write lock up front instead of failing when a read turns into a write) and
 * a reader pool; in WAL mode the readers keep reading their snapshot while the writer commits.
 *
 * <p>Settings that differ from Hikari's defaults, and why: {@code maximumPoolSize} 4 (default 10;
 * the store is written by one sync at a time and read by a few exports), {@code minimumIdle} 1
 * (default: the maximum; a command-line run should not open idle connections). Hikari's {@code
 * initializationFailTimeout} of 1 ms stays: opening a store fails at once when the database cannot
 * be reached. SQLite's writer gets a larger page cache and a later WAL checkpoint ({@link
 * #SQLITE_WRITER_CACHE_KIB}, {@link #SQLITE_WAL_CHECKPOINT_PAGES}). {@code connectionTimeout} stays
 * at 30 s. H2 connections wait {@link #SQLITE_BUSY_TIMEOUT_MS} for a row lock (H2's default: 1 s).
 * Driver options that send a JDBC batch in fewer round trips: pgjdbc's {@code
 * reWriteBatchedInserts} (default false) and MariaDB's {@code useBulkStmts} (default false; bulk
 * INSERTs are already on by default).
 */
record StorePools(HikariDataSource writer, HikariDataSource reader) implements AutoCloseable {
  /**
   * How long an SQLite connection waits for another process's write lock, and an H2 connection for
   * a row lock, in milliseconds.
   */
  static final int SQLITE_BUSY_TIMEOUT_MS = 10_000;

  /**
   * The SQLite writer connection's page cache, as SQLite's {@code cache_size} takes it: negative,
   * in KiB (32 MiB; SQLite's default is 2 MiB). Only the one writer connection has it.
   */
  static final int SQLITE_WRITER_CACHE_KIB = -32_768;

  /**
   * WAL pages after which a commit checkpoints the WAL into the database file (SQLite's default:
   * 1,000, about 4 MB): about 40 MB of WAL between two checkpoints.
   */
  static final int SQLITE_WAL_CHECKPOINT_PAGES = 10_000;

  static StorePools open(StoreDialect dialect, String jdbcUrl, String user, String password) {
    String url = dialect.driverUrl(jdbcUrl);
    if (dialect != StoreDialect.SQLITE) {
      HikariConfig config = config("sqlfeed-store", url, user, password, 4);
      if (dialect == StoreDialect.MARIADB || dialect == StoreDialect.MYSQL) {
        // InnoDB's default REPEATABLE READ takes gap locks on INSERT ... SELECT; writes need none.
        config.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        // A batch of DELETEs or upserts goes to MariaDB as one bulk command, as a batch of plain
        // INSERTs already does by default. The driver then reports SUCCESS_NO_INFO for each row,
        // which the store never reads. A MySQL server lacks the command; the driver then falls
        // back to one statement per row.
        config.addDataSourceProperty("useBulkStmts", "true");
      }
      if (dialect == StoreDialect.POSTGRES) {
        // pgjdbc sends a batch of INSERTs (upserts included) as multi-row INSERTs, up to 128 rows
        // each, instead of one execution per row. A URL that sets the option itself wins.
        config.addDataSourceProperty("reWriteBatchedInserts", "true");
      }
      if (dialect == StoreDialect.H2) {
        // H2 gives up on a row lock after 1 s by default; a page write may wait that long for
        // another page or a full sync's swap. Wait as long as SQLite waits for its write lock.
        config.setConnectionInitSql("SET LOCK_TIMEOUT " + SQLITE_BUSY_TIMEOUT_MS);
      }
      HikariDataSource pool = new HikariDataSource(config);
      return new StorePools(pool, pool);
    }
    HikariConfig writerConfig = config("sqlfeed-store-writer", url, user, password, 1);
    writerConfig.addDataSourceProperty("journal_mode", "WAL");
    // In WAL mode NORMAL syncs at checkpoints rather than at every commit: a power cut can lose
    // the last commits, never corrupt the file or split a transaction. Losing a whole page write
    // (events, mirror changes and checkpoint together) only means it is read again.
    writerConfig.addDataSourceProperty("synchronous", "NORMAL");
    writerConfig.addDataSourceProperty("busy_timeout", String.valueOf(SQLITE_BUSY_TIMEOUT_MS));
    writerConfig.addDataSourceProperty("transaction_mode", "IMMEDIATE");
    // The event log's unique index on a hash (event_key) takes each page's keys at random places,
    // so a page of 1,000 events dirties about as many index pages. With SQLite's default cache
    // (2 MiB) those pages are read back from the file at every page, and with its default
    // checkpoint (every 1,000 WAL pages) nearly every commit copies them into the file again.
    // Measured on 200 pages of 1,000 events into an empty log: 10.0 s with the defaults, 6.5 s
    // with these two (see docs/incremental.md, Pages in a pipeline).
    writerConfig.addDataSourceProperty("cache_size", String.valueOf(SQLITE_WRITER_CACHE_KIB));
    writerConfig.addDataSourceProperty(
        "wal_autocheckpoint", String.valueOf(SQLITE_WAL_CHECKPOINT_PAGES));
    HikariDataSource writer = new HikariDataSource(writerConfig);
    try {
      HikariConfig readerConfig = config("sqlfeed-store-reader", url, user, password, 4);
      readerConfig.addDataSourceProperty("busy_timeout", String.valueOf(SQLITE_BUSY_TIMEOUT_MS));
      return new StorePools(writer, new HikariDataSource(readerConfig));
    } catch (RuntimeException e) {
      writer.close();
      throw e;
    }
  }

  private static HikariConfig config(
      String name, String url, String user, String password, int size) {
    HikariConfig config = new HikariConfig();
    config.setPoolName(name);
    config.setJdbcUrl(url);
    if (user != null) {
      config.setUsername(user);
    }
    if (password != null) {
      config.setPassword(password);
    }
    config.setMaximumPoolSize(size);
    config.setMinimumIdle(1);
    PoolMetrics.apply(config);
    return config;
  }

  @Override
  public void close() {
    writer.close();
    if (reader != writer) {
      reader.close();
    }
  }
}
