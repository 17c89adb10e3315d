package dev.sqlfeed.jdbc;

import java.sql.Connection;
import java.util.HexFormat;
import org.jooq.DSLContext;

/**
 * Run liveness on a database server: a lock that the server frees when the session that holds it
 * ends, taken with a random name on a connection of its own ({@link LockConnection}) and held for
 * the run's life; anyone can test whether it is free. The random name keeps two stores on one
 * server (or database) apart.
 */
final class ServerRunLocks implements RunLiveness {
  /** How a server's locks are taken and tested. */
  enum Kind {
    /**
     * PostgreSQL: a session advisory lock on a random 64-bit key; a check takes the same key with
     * {@code pg_try_advisory_xact_lock}, which the checking transaction's end releases. Advisory
     * locks are per database.
     */
    ADVISORY(null, "select pg_try_advisory_lock(?)::int", "select pg_try_advisory_xact_lock(?)") {
      @Override
      Object token() {
        return RunLiveness.randomKey();
      }

      @Override
      Object bind(String token) {
        return Long.parseLong(token);
      }
    },
    /**
     * MariaDB and MySQL: a named lock ({@code GET_LOCK(name, 0)}), checked with {@code
     * IS_FREE_LOCK}. Named locks are per server. The connection sets its {@code wait_timeout} to a
     * year, so that the server does not close it, and free the lock, while it idles through a long
     * run (the default is eight hours).
     */
    NAMED(
        "set session wait_timeout = 31536000", "select get_lock(?, 0)", "select is_free_lock(?)") {
      @Override
      Object token() {
        return "sqlfeed-run-" + HexFormat.of().toHexDigits(RunLiveness.randomKey());
      }

      @Override
      Object bind(String token) {
        return token;
      }
    };

    private final String setUp;
    private final String take;
    private final String test;

    Kind(String setUp, String take, String test) {
      this.setUp = setUp;
      this.take = take;
      this.test = test;
    }

    /** A new random lock name. */
    abstract Object token();

    /** A recorded token as the test statement binds it. */
    abstract Object bind(String token);
  }

  private final Kind kind;
  private final String url;
  private final String user;
  private final String password;

  ServerRunLocks(Kind kind, String url, String user, String password) {
    this.kind = kind;
    this.url = url;
    this.user = user;
    this.password = password;
  }

  @Override
  public HeldRunLock hold() {
    Connection connection = LockConnection.open(url, user, password);
    try {
      if (kind.setUp != null) {
        LockConnection.execute(connection, kind.setUp);
      }
      while (true) {
        Object token = kind.token();
        if (LockConnection.value(connection, kind.take, token) == 1) {
          return new HeldRunLock(token.toString(), () -> LockConnection.close(connection));
        }
      }
    } catch (RuntimeException e) {
      LockConnection.close(connection);
      throw e;
    }
  }

  @Override
  public boolean isFree(DSLContext db, String token) {
    Object free = db.fetchValue(kind.test, kind.bind(token));
    return Boolean.TRUE.equals(free) || (free instanceof Number n && n.intValue() == 1);
  }

  @Override
  public void close() {}
}
