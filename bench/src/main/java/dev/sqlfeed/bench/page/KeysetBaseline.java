package dev.sqlfeed.bench.page;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The baseline of a page: the statement that {@code KeysetSql} renders around a source's query on
 * PostgreSQL (a page after a position), run with plain JDBC, carrying the position from page to
 * page. It reads and drops the rows; it maps, refreshes and writes nothing.
 */
final class KeysetBaseline {
  private final Connection connection;
  private final String sql;
  private final int columns;
  private final OffsetDateTime since;
  private final OffsetDateTime upTo;
  private OffsetDateTime afterCursor;
  private long afterKey;

  /**
   * @param query the source's query, with its {@code ?<since>} as a JDBC marker
   * @param columns the query's columns; the cursor is {@code updated_at}, the key {@code id}
   */
  KeysetBaseline(
      Connection connection, String query, int columns, int pageSize, OffsetDateTime now) {
    this.connection = connection;
    this.columns = columns;
    this.sql =
        "SELECT * FROM (\n"
            + query
            + "\n) \"q\" WHERE \"q\".\"updated_at\" >= ? AND \"q\".\"updated_at\" <= ?"
            + " AND (\"q\".\"updated_at\", \"q\".\"id\") > (?, ?)"
            + " ORDER BY \"q\".\"updated_at\", \"q\".\"id\" LIMIT "
            + pageSize;
    this.since = now.minusYears(1).withOffsetSameInstant(ZoneOffset.UTC);
    this.upTo = now.withOffsetSameInstant(ZoneOffset.UTC);
    restart();
  }

  /** Back to the window's start. */
  void restart() {
    afterCursor = since;
    afterKey = Long.MIN_VALUE;
  }

  /** Reads the next page; returns its rows. */
  int page(Blackhole bh) throws SQLException {
    int rows = 0;
    try (PreparedStatement s = connection.prepareStatement(sql)) {
      s.setObject(1, since);
      s.setObject(2, since);
      s.setObject(3, upTo);
      s.setObject(4, afterCursor);
      s.setLong(5, afterKey);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          afterKey = r.getLong("id");
          afterCursor = r.getObject("updated_at", OffsetDateTime.class);
          for (int i = 1; i <= columns; i++) {
            bh.consume(r.getObject(i));
          }
          rows++;
        }
      }
    } finally {
      connection.rollback();
    }
    return rows;
  }
}
