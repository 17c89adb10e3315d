package dev.sqlfeed.jdbc;

import dev.sqlfeed.ports.SyncStore;
import java.time.Clock;

/**
 * Opens sync stores on JDBC databases: the only public way into this package's store. A store is
 * also the {@link dev.sqlfeed.ports.EventLog} (events and checkpoints in the same database, written
 * in the same transactions as the mirror).
 *
 * <p>Accepted URLs: {@code jdbc:sqlite:FILE} (the default store, {@code jdbc:sqlite:sqlfeed.db};
 * the file is created), {@code jdbc:postgresql://HOST[:PORT]/DB}, {@code
 * jdbc:mariadb://HOST[:PORT]/DB}, {@code jdbc:mysql://HOST[:PORT]/DB} (through the MariaDB driver)
 * and {@code jdbc:h2:...}. The user and password may be URL parameters ({@code
 * ?user=...&password=...}, as the driver reads them) or given apart. The database must exist; the
 * store creates its tables at open, and opening an existing store keeps its contents (a store of an
 * older schema version is upgraded in place).
 *
 * <p>Errors: an unsupported URL is a {@link dev.sqlfeed.domain.error.ConfigException}; a database
 * that cannot be reached or opened (refused, wrong password, unwritable file) a {@link
 * dev.sqlfeed.domain.error.StoreException} of kind {@code UNAVAILABLE}; a schema written by a newer
 * sqlfeed, or one that cannot be created, one of kind {@code QUERY_FAILED}. No message carries the
 * password.
 */
public final class JdbcStores {
  private JdbcStores() {}

  /** Opens the store at {@code jdbcUrl}, credentials (if any) in the URL. */
  public static SyncStore open(String jdbcUrl) {
    return open(jdbcUrl, null, null);
  }

  /**
   * Opens the store at {@code jdbcUrl}.
   *
   * @param user null to use the URL's or the driver's default
   * @param password null to use the URL's or none
   */
  public static SyncStore open(String jdbcUrl, String user, String password) {
    return JooqSyncStore.open(jdbcUrl, user, password, Clock.systemUTC());
  }

  /** As {@link #open(String, String, String)}, with the clock that times aborted writes. */
  static SyncStore open(String jdbcUrl, String user, String password, Clock clock) {
    return JooqSyncStore.open(jdbcUrl, user, password, clock);
  }
}
