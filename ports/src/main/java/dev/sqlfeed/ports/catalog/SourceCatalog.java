package dev.sqlfeed.ports.catalog;

import dev.sqlfeed.ports.SourceQuery;
import java.util.List;
import java.util.Map;

/**
 * Describes a source's queries and tables without reading a row. Connections are read-only, and a
 * query is only prepared (or, where the driver cannot describe a prepared statement, run wrapped in
 * a filter that no row passes); nothing is ever written.
 *
 * <p>Errors: every failure is a {@link dev.sqlfeed.domain.error.SourceException}, classified as
 * {@link dev.sqlfeed.ports.SourceReader} classifies them: {@code UNAVAILABLE} when the database
 * cannot be reached or refuses the login, {@code QUERY_FAILED} when it refuses a query. Messages
 * start with the query's origin and carry the database's own words, never a password.
 */
public interface SourceCatalog extends AutoCloseable {
  /**
   * The columns a query returns, in order, each with the table column it comes from where the
   * database says.
   *
   * @param bindings a value for every placeholder of the query, by lower-case name (values of the
   *     kinds {@link dev.sqlfeed.ports.SourceReader#read} takes)
   * @throws dev.sqlfeed.domain.error.SourceException {@code QUERY_FAILED} when the database refuses
   *     the query (syntax, an unknown table or column, permission) or a binding is missing
   */
  List<ResultColumn> columns(SourceQuery query, Map<String, Object> bindings);

  /**
   * Whether the reader binds a first page's cursor ({@link
   * dev.sqlfeed.domain.sync.FirstCursor#BELOW_EVERY_KEY}) at bound marker {@code marker} (0-based,
   * in the order of {@link dev.sqlfeed.domain.query.SqlTemplate#parameters()}) of {@code query} as
   * a value below every value of the type the statement compares it with. Only a database that
   * tells a parameter's type can say so (PostgreSQL); the default, for the others, is false.
   *
   * @param bindings as for {@link #columns}
   * @throws dev.sqlfeed.domain.error.SourceException as for {@link #columns}
   */
  default boolean firstCursorBelowEveryKey(
      SourceQuery query, Map<String, Object> bindings, int marker) {
    return false;
  }

  /**
   * Whether some index of the table that {@code column} comes from has that column first. The
   * primary key counts as an index. A column without an origin, from a view, or on a database whose
   * catalog this adapter does not read, is {@link IndexCheck.Unknown}.
   *
   * @throws dev.sqlfeed.domain.error.SourceException when the catalog cannot be read
   */
  IndexCheck leadingIndex(ResultColumn column);

  @Override
  void close();
}
