package dev.sqlfeed.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.sqlfeed.domain.connect.ConnectionSpec;
import dev.sqlfeed.domain.connect.ConnectionSpec.Product;
import dev.sqlfeed.ports.SourceReader;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;

/**
 * Opens source databases: the entry point of the source adapter.
 *
 * <p>Each source gets its own small, read-only HikariCP pool. Settings that differ from Hikari's
 * defaults, and why:
 *
 * <ul>
 *   <li>{@code readOnly} true (default false): nothing is ever written to a source. pgjdbc then
 *       begins every transaction {@code READ ONLY}, MariaDB sets the session read-only. sqlite-jdbc
 *       cannot change the flag of an open connection (it throws), so SQLite is opened read-only
 *       ({@code open_mode}) and the pool's call then changes nothing. H2 ignores the flag; there
 *       the reader's rule of rolling back every read is what leaves the source unchanged.
 *   <li>{@code autoCommit} false (default true): pgjdbc streams with a fetch size only inside a
 *       transaction; every read is rolled back when it ends.
 *   <li>{@code maximumPoolSize} 3, {@code minimumIdle} 1 (defaults 10 and 10), see {@link
 *       SourceOptions#maxPoolSize()}.
 *   <li>{@code connectionTimeout} = {@link SourceOptions#connectTimeout()} (default 30 s), and the
 *       driver's own connect timeout set to the same where it has one, so that an unreachable host
 *       fails within it.
 *   <li>{@code initializationFailTimeout} 1 ms (default 1 ms) with {@code failFast}: one attempt
 *       when the pool opens, so a wrong password fails at once instead of after retries; -1 without
 *       it.
 *   <li>the driver's read timeout {@link #READ_TIMEOUT} (the drivers' default: none), unless the
 *       spec sets it.
 *   <li>{@code keepaliveTime} 2 min (default 2 min in recent Hikari, set so it does not depend on
 *       it): sources may sit idle between polls behind firewalls that drop idle connections.
 *   <li>{@code registerMbeans} false (default false), {@code poolName} from {@link
 *       SourceOptions#name()}, never from the URL; {@code metricRegistry} (default none) the one a
 *       worker published in {@link PoolMetrics}.
 *   <li>{@code connectionInitSql} (default none) puts every session into UTC: {@code SET TIME ZONE
 *       'UTC'} on PostgreSQL and H2, {@code ALTER SESSION SET TIME_ZONE = 'UTC'} on Oracle. On
 *       MariaDB the driver does it ({@code connectionTimeZone=UTC}, {@code
 *       forceConnectionTimeZoneToSession=true}, which also stop it shifting values between zones).
 *       This overrides a zone the DSN asks for: cursor bounds are compared as UTC (see {@link
 *       TimestampForm}), and a user's query that calls {@code now()} sees UTC as well. With it,
 *       {@code isolateInternalQueries} true (default false), so that Hikari commits the statement
 *       instead of leaving it to the first read's rollback, which would undo PostgreSQL's {@code
 *       SET}.
 * </ul>
 */
public final class JdbcSources {
  /**
   * How long one network read from a source server may block before the connection counts as lost
   * (pgjdbc's and MariaDB's and SQL Server's {@code socketTimeout}, Oracle's {@code
   * oracle.jdbc.ReadTimeout}): 10 minutes. Without it a half-open connection (the server gone
   * without a FIN) blocks its reader, a pool slot and an activity thread for good. Reads stream
   * {@link SourceOptions#fetchSize()} rows per round trip, so a round trip is short once rows flow;
   * the longest legitimate wait is the first rows of a query that sorts or groups a large table
   * before returning any, which the limit leaves ten minutes for, less than an activity's 15-minute
   * start-to-close timeout. A DSN parameter of the same name sets another value.
   */
  public static final Duration READ_TIMEOUT = Duration.ofMinutes(10);

  private JdbcSources() {}

  /**
   * Opens a reader for a source database.
   *
   * @throws dev.sqlfeed.domain.error.SourceException {@code UNAVAILABLE} when {@code failFast} is
   *     set and the database cannot be reached or refuses the login
   */
  public static SourceReader open(ConnectionSpec spec, SourceOptions options) {
    SourceErrors errors = new SourceErrors(spec);
    try {
      // Checked here because Hikari's own message for it quotes the URL as written.
      DriverManager.getDriver(spec.jdbcUrl());
    } catch (SQLException e) {
      throw errors.noDriver();
    }
    HikariDataSource pool;
    try {
      pool = new HikariDataSource(poolConfig(spec, options));
    } catch (RuntimeException e) {
      throw errors.connecting("connect", e);
    }
    return new JooqSourceReader(pool, spec.product(), options.fetchSize(), errors);
  }

  static HikariConfig poolConfig(ConnectionSpec spec, SourceOptions options) {
    HikariConfig config = new HikariConfig();
    config.setPoolName(options.poolName());
    config.setJdbcUrl(spec.jdbcUrl());
    if (spec.user() != null) {
      config.setUsername(spec.user());
    }
    if (spec.password() != null) {
      config.setPassword(spec.password());
    }
    Properties properties = new Properties();
    properties.putAll(spec.properties());
    driverDefaults(spec.product(), options.connectTimeout(), properties);
    config.setDataSourceProperties(properties);
    config.setReadOnly(true);
    config.setAutoCommit(false);
    config.setMaximumPoolSize(options.maxPoolSize());
    config.setMinimumIdle(1);
    long timeout = options.connectTimeout().toMillis();
    config.setConnectionTimeout(timeout);
    config.setValidationTimeout(Math.max(250, Math.min(5_000, timeout / 2)));
    config.setInitializationFailTimeout(options.failFast() ? 1 : -1);
    config.setKeepaliveTime(Duration.ofMinutes(2).toMillis());
    config.setRegisterMbeans(false);
    String session = SourceDialect.sessionSql(spec.product());
    if (session != null) {
      config.setConnectionInitSql(session);
      // Otherwise Hikari leaves the statement's transaction open, and the rollback that ends the
      // first read takes PostgreSQL's SET back with it.
      config.setIsolateInternalQueries(true);
    }
    PoolMetrics.apply(config);
    return config;
  }

  /**
   * Connect timeouts and read-only opening, unless the spec already says otherwise; MariaDB's
   * session zone whatever the spec says.
   */
  private static void driverDefaults(Product product, Duration timeout, Properties properties) {
    long seconds = Math.max(1, timeout.toSeconds());
    switch (product) {
      case POSTGRES -> {
        properties.putIfAbsent("connectTimeout", String.valueOf(seconds));
        properties.putIfAbsent("socketTimeout", String.valueOf(READ_TIMEOUT.toSeconds()));
        properties.putIfAbsent("loginTimeout", String.valueOf(seconds));
        properties.putIfAbsent("ApplicationName", "sqlfeed");
        // baton-sql binds ?<Cursor> and ?<id> as text; sent as untyped literals, PostgreSQL
        // coerces them to the column's type (id > '42' on a bigint), as it does for Go's pgx.
        properties.putIfAbsent("stringtype", "unspecified");
      }
      case MYSQL -> {
        properties.putIfAbsent("connectTimeout", String.valueOf(timeout.toMillis()));
        properties.putIfAbsent("socketTimeout", String.valueOf(READ_TIMEOUT.toMillis()));
        // Set, not defaulted: timestamps are bound and read as UTC wall clock (see
        // TimestampForm), which is right only when the session's zone is UTC.
        properties.put("connectionTimeZone", "UTC");
        properties.put("forceConnectionTimeZoneToSession", "true");
      }
      case SQLSERVER -> {
        properties.putIfAbsent("loginTimeout", String.valueOf(seconds));
        properties.putIfAbsent("socketTimeout", String.valueOf(READ_TIMEOUT.toMillis()));
      }
      case ORACLE -> {
        properties.putIfAbsent("oracle.net.CONNECT_TIMEOUT", String.valueOf(timeout.toMillis()));
        properties.putIfAbsent("oracle.jdbc.ReadTimeout", String.valueOf(READ_TIMEOUT.toMillis()));
      }
      // SQLITE_OPEN_READONLY, whatever the DSN's mode: a source is never written, and a missing
      // file is an error instead of a new empty database.
      case SQLITE -> properties.put("open_mode", "1");
      default -> {}
    }
  }
}
