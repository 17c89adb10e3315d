package dev.sqlfeed.ports.feed;

import dev.sqlfeed.domain.config.Pagination;
import dev.sqlfeed.domain.config.Query;
import dev.sqlfeed.domain.config.QueryVar;
import dev.sqlfeed.domain.mapping.Activation;
import dev.sqlfeed.domain.sync.MappedResource;
import dev.sqlfeed.domain.sync.Paging;
import dev.sqlfeed.ports.QueryCall;
import dev.sqlfeed.ports.SourceQuery;
import dev.sqlfeed.ports.SourceReader;
import dev.sqlfeed.ports.fullsync.QueryRunner;
import dev.sqlfeed.ports.fullsync.QueryVars;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A config query that runs once per resource ({@code vars} from the resource), as a full sync runs
 * a grants or entitlements query: the runs for some resources go to the source together through
 * {@link SourceReader#readEach}, unless the query pages itself (baton-sql's {@code ?<Limit>} with
 * {@code ?<Offset>} or {@code ?<Cursor>}), which needs one statement per page and so runs per
 * resource.
 */
final class PerResourceQuery {
  /** Receives a row of the run for the {@code owner}-th resource (from 0). */
  @FunctionalInterface
  interface Rows {
    void row(int owner, Map<String, Object> row, String rowKey);
  }

  private final SourceReader source;

  PerResourceQuery(SourceReader source) {
    this.source = source;
  }

  /**
   * Runs the query for each of {@code owners}, handing each row to {@code rows}.
   *
   * @param typeId the owners' resource type, for errors
   */
  void run(
      String typeId,
      Query query,
      Optional<Pagination> pagination,
      Map<String, QueryVar> vars,
      List<MappedResource> owners,
      Rows rows) {
    Paging paging = Paging.of(query, pagination);
    if (paging.paged()) {
      for (int i = 0; i < owners.size(); i++) {
        runOne(typeId, query, pagination, vars, owners.get(i), i, rows);
      }
      return;
    }
    List<QueryCall> calls = new ArrayList<>(owners.size());
    for (MappedResource owner : owners) {
      calls.add(new QueryCall(label(typeId, owner), paging.bindings(vars(vars, owner))));
    }
    int[] numbers = new int[owners.size()];
    String key = paging.primaryKey();
    source.readEach(
        new SourceQuery(query.path(), query.sql()),
        calls,
        (sourceRow, call) -> {
          Map<String, Object> row = sourceRow.asMap();
          numbers[call]++;
          rows.row(call, row, QueryRunner.rowKey(key, row, numbers[call]));
        });
  }

  /** Runs the query for one resource on its own, page by page, in the order the query gives. */
  void runOne(
      String typeId,
      Query query,
      Optional<Pagination> pagination,
      Map<String, QueryVar> vars,
      MappedResource owner,
      int index,
      Rows rows) {
    new QueryRunner(source)
        .run(
            query,
            pagination,
            vars(vars, owner),
            query.path() + " (for " + label(typeId, owner) + ")",
            (row, rowKey) -> rows.row(index, row, rowKey));
  }

  private static Map<String, Object> vars(Map<String, QueryVar> vars, MappedResource owner) {
    return QueryVars.evaluate(vars, Activation.forResource(owner.celResource()));
  }

  private static String label(String typeId, MappedResource owner) {
    return typeId + " " + owner.resource().resource().resourceId();
  }
}
