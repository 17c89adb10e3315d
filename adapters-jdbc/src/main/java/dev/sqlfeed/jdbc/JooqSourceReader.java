package dev.sqlfeed.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import dev.sqlfeed.domain.connect.ConnectionSpec.Product;
import dev.sqlfeed.domain.error.DatabaseException.Kind;
import dev.sqlfeed.domain.error.MappingException;
import dev.sqlfeed.domain.error.SourceException;
import dev.sqlfeed.domain.feed.EventIds;
import dev.sqlfeed.domain.query.NullableSince;
import dev.sqlfeed.domain.query.SqlTemplate;
import dev.sqlfeed.domain.value.SourceRow;
import dev.sqlfeed.domain.value.SqlNull;
import dev.sqlfeed.domain.value.Values;
import dev.sqlfeed.ports.CursorPrecision;
import dev.sqlfeed.ports.KeysetPage;
import dev.sqlfeed.ports.PlannedPage;
import dev.sqlfeed.ports.QueryCall;
import dev.sqlfeed.ports.SourceQuery;
import dev.sqlfeed.ports.SourceReader;
import dev.sqlfeed.ports.UnreadableCursors;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.ObjIntConsumer;
import java.util.regex.Pattern;

/**
 * Reads a source: the config's query as written, every placeholder a bind value; keyset pages
 * around it ({@link KeysetSql}). Streams with a fetch size, one transaction per read that is always
 * rolled back (the pool's connections are read-only and not auto-committing: pgjdbc needs that to
 * stream, and nothing a query might do is ever kept). Values are bound by {@link JdbcValues} and
 * read by {@link RowReader}; jOOQ quotes the names this adapter writes into SQL.
 */
final class JooqSourceReader implements SourceReader {
  private static final int PING_TIMEOUT_SECONDS = 5;
  private static final String CLOCK = "database clock";
  private static final Pattern INTEGER = Pattern.compile("-?\\d+");

  private final HikariDataSource pool;
  private final Product product;
  private final int fetchSize;
  private final SourceErrors errors;
  private final SourceConnections connections;
  private final TimestampForm timestamps;
  private final PageShapes shapes;
  private final BatchedReads batched;

  JooqSourceReader(HikariDataSource pool, Product product, int fetchSize, SourceErrors errors) {
    this.pool = pool;
    this.product = product;
    this.fetchSize = fetchSize;
    this.errors = errors;
    this.connections = new SourceConnections(pool, errors);
    this.timestamps =
        product == Product.SQLITE ? SqliteTimestamps.DEFAULT : TimestampForm.typed(product);
    this.shapes = new PageShapes(product);
    this.batched = new BatchedReads(product, fetchSize, errors, timestamps);
  }

  @Override
  public long read(SourceQuery query, Map<String, Object> bindings, Consumer<SourceRow> sink) {
    List<Object> values = PageShapes.convert(bindValues(query, bindings), timestamps);
    Connection connection = connections.open(query.origin());
    try {
      return stream(
          connection, query.origin(), query.template().jdbcSql(), values, null, null, null, sink);
    } catch (SinkFailure e) {
      throw e.getCause();
    } catch (SQLException | RuntimeException e) {
      throw failure(query.origin(), e);
    } finally {
      SourceConnections.release(connection);
    }
  }

  /**
   * Answers the calls with few statements on one connection, one transaction: see {@link
   * BatchedReads}.
   */
  @Override
  public void readEach(SourceQuery query, List<QueryCall> calls, ObjIntConsumer<SourceRow> sink) {
    if (calls.isEmpty()) {
      return;
    }
    Connection connection = connections.open(query.origin());
    try {
      batched.readEach(connection, query, calls, sink);
    } catch (SinkFailure e) {
      throw e.getCause();
    } finally {
      SourceConnections.release(connection);
    }
  }

  /**
   * Reads one keyset page: see {@link KeysetSql} for the statement. The first page of a query on a
   * reader first learns the query's shape ({@link PageShapes}). The cursor column comes back as an
   * {@link Instant} whatever its type; a row whose key is NULL fails the page, since no position
   * could be kept after it.
   */
  @Override
  public long readPage(
      SourceQuery query, Map<String, Object> bindings, KeysetPage page, Consumer<SourceRow> sink) {
    Connection connection = connections.open(query.origin());
    try {
      return page(connection, query, bindings, page, sink);
    } finally {
      SourceConnections.release(connection);
    }
  }

  /** The clock, then the page it plans, on one connection: one transaction. */
  @Override
  public long readPageAt(
      SourceQuery query, Function<Instant, Optional<PlannedPage>> plan, Consumer<SourceRow> sink) {
    Connection connection = connections.open(query.origin());
    try {
      Optional<PlannedPage> planned = plan.apply(clock(connection));
      if (planned.isEmpty()) {
        return 0;
      }
      return page(connection, query, planned.get().bindings(), planned.get().page(), sink);
    } finally {
      SourceConnections.release(connection);
    }
  }

  /** One keyset page on {@code connection}, in its transaction. */
  private long page(
      Connection connection,
      SourceQuery query,
      Map<String, Object> bindings,
      KeysetPage page,
      Consumer<SourceRow> sink) {
    Object afterKey = page.afterKey();
    if (page.afterCursor().isPresent() && SqlNull.isNull(afterKey)) {
      throw new IllegalArgumentException("a keyset position needs the key of its row");
    }
    String origin = query.origin();
    String sql = query.template().jdbcSql();
    List<Object> given = bindValues(query, bindings);
    try {
      PageShapes.Shape shape =
          shapes.of(connection, origin, sql, given, page.cursorColumn(), page.keyColumn());
      Object key = JdbcValues.of(afterKey, shape.form());
      if (shape.numericKey() && key instanceof String digits && INTEGER.matcher(digits).matches()) {
        // An integer beyond a long comes back as its digits; compare it as a number.
        key = new BigDecimal(digits);
      }
      // A coarse column stores a change at its day or second: the window starts there, or a row
      // changed after midnight (or within the second) would sit below it for good.
      KeysetPage widened =
          new KeysetPage(
              page.cursorColumn(),
              page.keyColumn(),
              shape.precision().floor(page.since()),
              page.upTo(),
              page.afterCursor(),
              page.afterKey(),
              page.limit());
      KeysetSql statement =
          KeysetSql.page(
              product,
              sql,
              PageShapes.convert(widen(given, shape.precision()), shape.form()),
              shape.cursor(),
              shape.key(),
              widened,
              shape.bounds(),
              key);
      return stream(
          connection,
          origin,
          statement.sql(),
          statement.values(),
          shape.cursor(),
          shape.key(),
          shape.bounds() instanceof SqliteTimestamps.Normalised normalised ? normalised : null,
          sink);
    } catch (SinkFailure e) {
      throw e.getCause();
    } catch (SQLException | RuntimeException e) {
      shapes.forget(sql, page.cursorColumn(), page.keyColumn());
      throw failure(origin, e);
    }
  }

  @Override
  public CursorPrecision cursorPrecision(
      SourceQuery query, Map<String, Object> bindings, String cursorColumn, String keyColumn) {
    String origin = query.origin();
    String sql = query.template().jdbcSql();
    Optional<PageShapes.Shape> known = shapes.known(sql, cursorColumn, keyColumn);
    if (known.isPresent()) {
      // Learnt before: no connection, so that a cycle that asks each time costs no round trip.
      return known.get().precision();
    }
    Connection connection = connections.open(origin);
    try {
      return shapes
          .of(connection, origin, sql, bindValues(query, bindings), cursorColumn, keyColumn)
          .precision();
    } catch (SQLException | RuntimeException e) {
      throw failure(origin, e);
    } finally {
      SourceConnections.release(connection);
    }
  }

  /**
   * Looks through the user's query, its {@code ?<since>} comparison widened to let NULL through,
   * with {@link UnreadableCursorSql}. On SQLite the user's instants are bound as the least value of
   * the column's form (as {@link PageShapes} does for its sample), so that every text that sorts
   * after a date, readable or not, passes the query's own comparison.
   */
  @Override
  public UnreadableCursors unreadableCursors(
      SourceQuery query,
      Map<String, Object> bindings,
      String cursorColumn,
      String keyColumn,
      int limit) {
    String origin = query.origin();
    Optional<SqlTemplate> widened = NullableSince.of(query.template());
    SqlTemplate template = widened.orElse(query.template());
    List<Object> given = bindValues(new SourceQuery(origin, template), bindings);
    Connection connection = connections.open(origin);
    try {
      PageShapes.Shape shape =
          shapes.of(
              connection,
              origin,
              query.template().jdbcSql(),
              bindValues(query, bindings),
              cursorColumn,
              keyColumn == null ? cursorColumn : keyColumn);
      List<Object> values = new ArrayList<>(given.size());
      for (Object value : given) {
        if (product == Product.SQLITE && value instanceof Instant) {
          values.add(
              shape.bounds() instanceof SqliteTimestamps.Epoch
                  ? Long.MIN_VALUE
                  : "0000-01-01 00:00:00");
        } else {
          values.add(JdbcValues.of(value, shape.form()));
        }
      }
      UnreadableCursorSql look =
          UnreadableCursorSql.of(
              product,
              template.jdbcSql(),
              values,
              shape.cursor(),
              keyColumn == null ? null : shape.key(),
              shape.bounds(),
              limit + 1);
      try (PreparedStatement ps = connection.prepareStatement(look.sql())) {
        JdbcValues.bind(ps, look.values(), product);
        try (ResultSet rs = ps.executeQuery()) {
          ColumnReader reader = ColumnReader.of(rs.getMetaData(), 1, product);
          long found = 0;
          List<String> keys = new ArrayList<>();
          while (rs.next() && found <= limit) {
            found++;
            if (keyColumn != null && found <= limit) {
              keys.add(EventIds.rowKey(Values.normalise(reader.read(rs, 1))));
            }
          }
          boolean more = found > limit;
          return new UnreadableCursors(more ? limit : found, more, keys, widened.isPresent());
        }
      }
    } catch (SQLException | RuntimeException e) {
      throw failure(origin, e);
    } finally {
      SourceConnections.release(connection);
    }
  }

  @Override
  public boolean cursorKeepsMicroseconds(SourceQuery query, String cursorColumn, String keyColumn) {
    return shapes
        .known(query.template().jdbcSql(), cursorColumn, keyColumn)
        .map(PageShapes.Shape::microseconds)
        .orElse(false);
  }

  /** The user's instants (their {@code ?<since>}) floored to the cursor column's precision. */
  private static List<Object> widen(List<Object> values, CursorPrecision precision) {
    List<Object> out = new ArrayList<>(values.size());
    for (Object value : values) {
      out.add(value instanceof Instant instant ? precision.floor(instant) : value);
    }
    return out;
  }

  @Override
  public Instant databaseNow() {
    Connection connection = connections.open(CLOCK);
    try {
      return clock(connection);
    } finally {
      SourceConnections.release(connection);
    }
  }

  /** The database's clock, read on {@code connection}. */
  private Instant clock(Connection connection) {
    try (Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery(SourceDialect.clockSql(product))) {
      rs.next();
      Object value = Values.normalise(ColumnReader.of(rs.getMetaData(), 1, product).read(rs, 1));
      return value instanceof Instant instant ? instant : Values.parseTimestamp(value.toString());
    } catch (SQLException | RuntimeException e) {
      throw failure(CLOCK, e);
    }
  }

  /**
   * Runs a statement and hands its rows to the sink as they stream in.
   *
   * @param cursor the label of a column to read as an instant, or null
   * @param key the label of a column that must not be NULL, or null
   * @param spellings the SQLite text form whose spellings the cursor's values must have, or null
   */
  private long stream(
      Connection connection,
      String origin,
      String sql,
      List<Object> values,
      String cursor,
      String key,
      SqliteTimestamps.Normalised spellings,
      Consumer<SourceRow> sink)
      throws SQLException {
    try (PreparedStatement ps =
        connection.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
      ps.setFetchSize(fetchSize);
      JdbcValues.bind(ps, values, product);
      try (ResultSet rs = ps.executeQuery()) {
        RowReader reader = RowReader.of(rs.getMetaData(), product);
        if (cursor != null) {
          reader = reader.withTimestamp(cursor);
        }
        int keyIndex = key == null ? -1 : reader.indexOf(key);
        int cursorIndex = cursor == null ? -1 : reader.indexOf(cursor);
        long rows = 0;
        while (rs.next()) {
          if (spellings != null) {
            // A spelling the normalised text does not cover would have been compared wrongly.
            Object stored = rs.getObject(cursorIndex + 1);
            Optional<String> refusal = spellings.refusal(stored);
            if (refusal.isPresent()) {
              throw new SourceException(
                  Kind.QUERY_FAILED,
                  false,
                  origin
                      + ", row "
                      + (rows + 1)
                      + ": the cursor column '"
                      + cursor
                      + "' "
                      + refusal.get(),
                  null);
            }
          }
          SourceRow row;
          try {
            row = reader.read(rs);
          } catch (RowReader.UnreadableValue e) {
            throw new MappingException(origin + ", row " + (rows + 1) + ": " + e.getMessage(), e);
          }
          rows++;
          if (keyIndex >= 0 && SqlNull.is(row.values().get(keyIndex))) {
            throw new SourceException(
                Kind.QUERY_FAILED,
                false,
                origin
                    + ", row "
                    + rows
                    + ": the key column '"
                    + key
                    + "' is NULL; keyset pages need a key that never is",
                null);
          }
          try {
            sink.accept(row);
          } catch (RuntimeException e) {
            throw new SinkFailure(e);
          }
        }
        return rows;
      }
    }
  }

  /** Our own exceptions pass as they are; the driver's are classified. */
  private RuntimeException failure(String origin, Exception e) {
    if (e instanceof SourceException || e instanceof MappingException) {
      return (RuntimeException) e;
    }
    return errors.querying(origin, e);
  }

  @Override
  public void ping() {
    Connection connection = connections.open("ping");
    try {
      if (!connection.isValid(PING_TIMEOUT_SECONDS)) {
        throw new SourceException(
            Kind.UNAVAILABLE,
            true,
            "ping: " + errors.target() + " did not answer within " + PING_TIMEOUT_SECONDS + " s",
            null);
      }
    } catch (SQLException e) {
      throw errors.querying("ping", e);
    } finally {
      SourceConnections.release(connection);
    }
  }

  @Override
  public void close() {
    pool.close();
  }

  /** The values for the template's markers, in order; placeholder names match in any case. */
  static List<Object> bindValues(SourceQuery query, Map<String, Object> bindings) {
    List<String> names = query.template().parameters();
    if (names.isEmpty()) {
      return List.of();
    }
    Map<String, Object> byName = new HashMap<>();
    bindings.forEach((k, v) -> byName.put(k.toLowerCase(Locale.ROOT), v));
    List<Object> values = new ArrayList<>(names.size());
    for (String name : names) {
      String lower = name.toLowerCase(Locale.ROOT);
      if (!byName.containsKey(lower)) {
        throw new SourceException(
            Kind.QUERY_FAILED,
            false,
            query.origin() + ": no value for the placeholder ?<" + name + ">",
            null);
      }
      values.add(byName.get(lower));
    }
    return values;
  }

  /** Carries a sink's own exception past the SQL error handling, unchanged. */
  static final class SinkFailure extends RuntimeException {
    SinkFailure(RuntimeException cause) {
      super(cause);
    }

    @Override
    public synchronized RuntimeException getCause() {
      return (RuntimeException) super.getCause();
    }
  }
}
