package dev.sqlfeed.ports;

import dev.sqlfeed.domain.value.SourceRow;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.ObjIntConsumer;

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
   * is never held in memory as a whole. A binding may be {@link
   * dev.sqlfeed.domain.sync.FirstCursor#BELOW_EVERY_KEY}: a value below every value of the type the
   * statement compares it with where the database tells that type, else the empty string.
   *
   * @throws dev.sqlfeed.domain.error.SourceException if the query fails or a binding is missing
   * @return the number of rows read
   */
  long read(SourceQuery query, Map<String, Object> bindings, Consumer<SourceRow> sink);

  /**
   * Runs one query once per call, as {@link #read} would with each call's bindings, and hands every
   * row to {@code sink} with the index of the call that produced it. This is how a page's changed
   * resources are read again: an adapter may answer many calls with one statement, all of them in
   * one read-only transaction, and falls back to one statement per call where it cannot combine
   * them. Either way each call yields the same rows as its own {@link #read} would; only their
   * order is not promised when calls were combined: a caller that needs the first of several rows
   * reads that call again with {@link #read}.
   *
   * <p>Errors name the query's origin and the labels of the calls involved ({@code origin (for id
   * 7)} or, for a combined statement, {@code origin (for id 7, id 8, ...)}). An exception thrown by
   * {@code sink} passes through unchanged. The default answers each call with {@link #read}.
   *
   * @throws dev.sqlfeed.domain.error.SourceException classified as for {@link #read}
   */
  default void readEach(SourceQuery query, List<QueryCall> calls, ObjIntConsumer<SourceRow> sink) {
    for (int i = 0; i < calls.size(); i++) {
      int call = i;
      read(
          new SourceQuery(query.origin() + " (for " + calls.get(i).label() + ")", query.template()),
          calls.get(i).bindings(),
          row -> sink.accept(row, call));
    }
  }

  /**
   * Reads one keyset page of an incremental query (see {@link KeysetPage}) and hands its rows to
   * {@code sink} in (cursor, key) order, streaming as {@link #read} does. {@code bindings} holds
   * the query's own placeholders ({@code since} and any vars); the reader adds the bounds, the
   * keyset predicate, the order and the limit around the query, and binds {@link Instant}s so that
   * they compare with the cursor column as the same moment, in UTC.
   *
   * <p>Reading the same page twice returns the same rows if the source did not change; a row whose
   * cursor moved forward past the position is read again on a later page, never skipped. Fewer rows
   * than {@code page.limit()} means the window is exhausted. In each row the cursor column is an
   * {@link Instant}, and the key column is never SQL NULL (a row with a NULL key fails the page).
   *
   * @throws dev.sqlfeed.domain.error.SourceException classified as for {@link #read}, also when a
   *     column the page names is not among the query's columns
   * @throws dev.sqlfeed.domain.error.MappingException when a cursor value is not a timestamp
   * @return the number of rows read
   */
  long readPage(
      SourceQuery query, Map<String, Object> bindings, KeysetPage page, Consumer<SourceRow> sink);

  /**
   * Looks for rows of an incremental query that no keyset page or window can ever read: rows whose
   * cursor column is NULL (the query's own {@code ?<since>} comparison is widened to let them
   * through, where its shape allows, see {@code NullableSince}) and, on SQLite, rows whose cursor
   * is not a timestamp in a spelling a page compares. Stops after {@code limit} rows, so that an
   * index on the cursor column keeps it cheap where there are none. Reads no row contents beyond
   * the key.
   *
   * @param keyColumn the key column whose values are returned as a sample, or null
   * @throws dev.sqlfeed.domain.error.SourceException classified as for {@link #read}
   * @return what was found; the default, for a reader that cannot look, finds nothing and says that
   *     NULLs were not visible
   */
  default UnreadableCursors unreadableCursors(
      SourceQuery query,
      Map<String, Object> bindings,
      String cursorColumn,
      String keyColumn,
      int limit) {
    return new UnreadableCursors(0, false, List.of(), false);
  }

  /**
   * How finely the cursor column of {@code query} tells moments apart, learnt from its type: the
   * window of {@link #readPage} is already widened to it (its {@code since} floored), and a caller
   * that keeps its own bounds needs the same widening. A reader that cannot tell answers {@link
   * CursorPrecision#FRACTION}. {@code keyColumn} is null for a source read without a key (a window
   * read in one go), whose {@code ?<since>} the caller widens itself.
   *
   * @throws dev.sqlfeed.domain.error.SourceException classified as for {@link #readPage}
   */
  default CursorPrecision cursorPrecision(
      SourceQuery query, Map<String, Object> bindings, String cursorColumn, String keyColumn) {
    return CursorPrecision.FRACTION;
  }

  /**
   * Reads the database's clock as {@link #databaseNow} does and then, in the same read-only
   * transaction, the keyset page that {@code plan} makes of it, as {@link #readPage} would: how a
   * cycle's first page costs the source one transaction, not one for the clock and one for the
   * page. The page's statement runs after the clock was read, so it sees at least every row
   * committed before that moment. The default reads them in two transactions.
   *
   * @param plan given the clock, the page to read, or empty to read none
   * @return the number of rows read (0 when {@code plan} gave no page)
   * @throws dev.sqlfeed.domain.error.SourceException classified as for {@link #readPage}
   * @throws dev.sqlfeed.domain.error.MappingException as for {@link #readPage}
   */
  default long readPageAt(
      SourceQuery query, Function<Instant, Optional<PlannedPage>> plan, Consumer<SourceRow> sink) {
    Optional<PlannedPage> page = plan.apply(databaseNow());
    return page.isEmpty() ? 0 : readPage(query, page.get().bindings(), page.get().page(), sink);
  }

  /**
   * Whether the cursor column of {@code query}, as the last {@link #readPage} of the query on this
   * reader found it, keeps microseconds or finer by its type (PostgreSQL {@code timestamp(6)} and
   * {@code timestamptz}, MariaDB {@code DATETIME(6)}). Two committed states of one row with one
   * such value would need two transactions stamped in the same microsecond, so a row read again
   * with a cursor value read before is taken as the state read then. Never reads the database:
   * {@code false} when no page of the query was read yet on this reader, and wherever the type does
   * not prove it (a coarser fraction, SQLite, whose declared types say nothing about the values).
   */
  default boolean cursorKeepsMicroseconds(
      SourceQuery query, String cursorColumn, String keyColumn) {
    return false;
  }

  /**
   * The database's own clock ({@code CURRENT_TIMESTAMP} or the product's finer equivalent) in UTC,
   * never the worker's: a cycle's bounds are pinned to the clock that stamps the rows.
   *
   * @throws dev.sqlfeed.domain.error.SourceException classified as for {@link #read}
   */
  Instant databaseNow();

  /** Checks that the database answers; throws {@code SourceException} otherwise. */
  void ping();

  @Override
  void close();
}
