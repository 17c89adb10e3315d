package dev.sqlfeed.jdbc;

import java.time.Duration;
import java.util.Objects;

/**
 * How a source is read, apart from where it is ({@link dev.sqlfeed.domain.connect.ConnectionSpec}).
 *
 * @param name names the connection pool in logs and metrics ({@code sqlfeed-source-<name>}); never
 *     derived from the URL, so it carries no secret. Characters outside {@code [A-Za-z0-9_.-]}
 *     become {@code _}.
 * @param fetchSize rows per round trip while streaming (default {@value #DEFAULT_FETCH_SIZE}):
 *     large enough to amortise the round trip, small enough that a batch of wide rows stays a few
 *     megabytes
 * @param maxPoolSize connections at most (default 3: a page activity reads the next page on one
 *     while it runs the previous page's {@code get}s on another; the third serves a {@code ping} or
 *     a second source's page meanwhile)
 * @param connectTimeout how long opening a connection, or waiting for one from the pool, may take
 *     before the source counts as unavailable (default 10 s; Hikari's default is 30 s)
 * @param failFast whether {@link JdbcSources#open} connects once at once and fails when it cannot
 *     (default); otherwise the first {@code read} or {@code ping} reports it
 */
public record SourceOptions(
    String name, int fetchSize, int maxPoolSize, Duration connectTimeout, boolean failFast) {
  public static final int DEFAULT_FETCH_SIZE = 2000;

  public SourceOptions {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    if (fetchSize < 1) {
      throw new IllegalArgumentException("fetchSize must be positive: " + fetchSize);
    }
    if (maxPoolSize < 1) {
      throw new IllegalArgumentException("maxPoolSize must be positive: " + maxPoolSize);
    }
    if (connectTimeout.toMillis() < 250) {
      // Hikari's floor for connectionTimeout.
      throw new IllegalArgumentException(
          "connectTimeout must be at least 250 ms: " + connectTimeout);
    }
  }

  /** The defaults, for a source called {@code name}. */
  public static SourceOptions named(String name) {
    return new SourceOptions(name, DEFAULT_FETCH_SIZE, 3, Duration.ofSeconds(10), true);
  }

  public SourceOptions withFetchSize(int rows) {
    return new SourceOptions(name, rows, maxPoolSize, connectTimeout, failFast);
  }

  public SourceOptions withConnectTimeout(Duration timeout) {
    return new SourceOptions(name, fetchSize, maxPoolSize, timeout, failFast);
  }

  public SourceOptions withFailFast(boolean fail) {
    return new SourceOptions(name, fetchSize, maxPoolSize, connectTimeout, fail);
  }

  String poolName() {
    return "sqlfeed-source-" + name.replaceAll("[^A-Za-z0-9_.-]", "_");
  }
}
