package dev.sqlfeed.jdbc;

import java.sql.Connection;
import java.util.HexFormat;
import org.jooq.DSLContext;

/**
 * Run liveness on MariaDB and MySQL: a named lock ({@code GET_LOCK(name, 0)}) with a random name,
 * held on a connection of its own ({@link LockConnection}); {@code IS_FREE_LOCK} checks it. Named
 * locks are per server, and the random name keeps stores apart. The connection sets its {@code
 * wait_timeout} to a year, so that the server does not close it, and free the lock, while it idles
 * through a long run (the default is eight hours).
 */
final class NamedRunLocks implements RunLiveness {
  private static final String PREFIX = "sqlfeed-run-";

  private final String url;
  private final String user;
  private final String password;

  NamedRunLocks(String url, String user, String password) {
    this.url = url;
    this.user = user;
    this.password = password;
  }

  @Override
  public HeldRunLock hold() {
    Connection connection = LockConnection.open(url, user, password);
    try {
      LockConnection.execute(connection, "set session wait_timeout = 31536000");
      while (true) {
        String name = PREFIX + HexFormat.of().toHexDigits(RunLiveness.randomKey());
        if (LockConnection.value(connection, "select get_lock(?, 0)", name) == 1) {
          return new HeldRunLock(name, () -> LockConnection.close(connection));
        }
      }
    } catch (RuntimeException e) {
      LockConnection.close(connection);
      throw e;
    }
  }

  @Override
  public boolean isFree(DSLContext db, String token) {
    Object free = db.fetchValue("select is_free_lock(?)", token);
    return free != null && ((Number) free).intValue() == 1;
  }

  @Override
  public void close() {}
}
