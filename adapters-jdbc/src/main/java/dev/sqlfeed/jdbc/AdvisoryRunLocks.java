package dev.sqlfeed.jdbc;

import java.sql.Connection;
import org.jooq.DSLContext;

/**
 * Run liveness on PostgreSQL: a session advisory lock on a random 64-bit key, held on a connection
 * of its own ({@link LockConnection}). A check takes the same key with {@code
 * pg_try_advisory_xact_lock}, which the checking transaction's end releases. Advisory locks are per
 * database, and the random key keeps two stores in one database apart.
 */
final class AdvisoryRunLocks implements RunLiveness {
  private final String url;
  private final String user;
  private final String password;

  AdvisoryRunLocks(String url, String user, String password) {
    this.url = url;
    this.user = user;
    this.password = password;
  }

  @Override
  public HeldRunLock hold() {
    Connection connection = LockConnection.open(url, user, password);
    try {
      while (true) {
        long key = RunLiveness.randomKey();
        if (LockConnection.value(connection, "select pg_try_advisory_lock(?)::int", key) == 1) {
          return new HeldRunLock(Long.toString(key), () -> LockConnection.close(connection));
        }
      }
    } catch (RuntimeException e) {
      LockConnection.close(connection);
      throw e;
    }
  }

  @Override
  public boolean isFree(DSLContext db, String token) {
    Object free = db.fetchValue("select pg_try_advisory_xact_lock(?)", Long.parseLong(token));
    return Boolean.TRUE.equals(free);
  }

  @Override
  public void close() {}
}
