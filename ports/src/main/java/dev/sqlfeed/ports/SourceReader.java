package dev.sqlfeed.ports;

import dev.sqlfeed.domain.value.SourceRow;
import java.time.Instant;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads an application's database. Connections are read-only; nothing is ever written to a source.
 *
 * <p>Errors: every failure is a {@link dev.sqlfeed.domain.error.SourceException}, classified at the
 * adapter edge (cannot connect, wrong password, connection lost: {@code UNAVAILABLE}; syntax,
 * permission, bad value: {@code QUERY_FAILED}). Messages name the query's origin and carry the
 * database's own message, never a password.
 */
public interface SourceReader extends AutoCloseable {
  /**
   * Runs one statement with every placeholder bound from {@code bindings} and hands each row, its
   * values normalised, to {@code sink} in the order the database returns them. Streams: the result
   * is never held in memory as a whole.
   *
   * @throws dev.sqlfeed.domain.error.SourceException if the query fails or a binding is missing
   * @return the number of rows read
   */
  long read(SourceQuery query, Map<String, Object> bindings, Consumer<SourceRow> sink);

  /**
   * Reads one keyset page of an incremental query (see {@link KeysetPage}) and hands its rows to
   * {@code sink} in (cursor, key) order.
   *
   * @return the number of rows read
   */
  default long readPage(
      SourceQuery query, Map<String, Object> bindings, KeysetPage page, Consumer<SourceRow> sink) {
    throw new UnsupportedOperationException("keyset pages are being written");
  }

  /**
   * The database's own clock ({@code CURRENT_TIMESTAMP}), never the worker's: a cycle's bounds are
   * pinned to the clock that stamps the rows.
   */
  default Instant databaseNow() {
    throw new UnsupportedOperationException("database clock is being written");
  }

  /** Checks that the database answers; throws {@code SourceException} otherwise. */
  void ping();

  @Override
  void close();
}
