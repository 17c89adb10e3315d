package dev.sqlfeed.domain.schema;

import dev.sqlfeed.domain.config.Cel;
import dev.sqlfeed.domain.config.Config;
import dev.sqlfeed.domain.config.Pagination;
import dev.sqlfeed.domain.config.PaginationStrategy;
import dev.sqlfeed.domain.config.Query;
import dev.sqlfeed.domain.config.entitlement.EntitlementsQuery;
import dev.sqlfeed.domain.config.feed.EventFeed;
import dev.sqlfeed.domain.config.grant.GrantMapping;
import dev.sqlfeed.domain.config.grant.GrantsIncrementalSync;
import dev.sqlfeed.domain.config.grant.GrantsQuery;
import dev.sqlfeed.domain.config.resource.ResourceIncrementalSync;
import dev.sqlfeed.domain.config.resource.ResourceType;
import dev.sqlfeed.domain.mapping.ColumnReferences;
import dev.sqlfeed.domain.query.SqlTemplate.Placeholder;
import dev.sqlfeed.domain.sync.FirstCursorPage;
import dev.sqlfeed.domain.sync.Paging;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Every query a config reads with, in file order, and the result columns each must have: the ones
 * that the expressions evaluated on its rows read, its pagination key, its cursor column.
 *
 * <p>Which expressions see which rows follows the sync: a list query's rows and a {@code get}
 * query's rows are both mapped by the list's {@code map}; an incremental resource query's rows only
 * by its {@code resource_id} (or the map's {@code id}), unless it has {@code deleted_if}: then also
 * by that condition and the whole list {@code map}; a grants changes or revokes query's rows by its
 * {@code resource_id} and each grant mapping's {@code skip_if}, {@code principal_id} and {@code
 * entitlement_id}. Vars are evaluated before their query runs and read no row of it; static
 * entitlements read no query; provisioning statements and actions write and are never run.
 */
public final class SchemaExpectations {
  private SchemaExpectations() {}

  /** The config's queries and what it expects of them. */
  public static List<ExpectedQuery> of(Config config) {
    List<ExpectedQuery> out = new ArrayList<>();
    for (ResourceType rt : config.resourceTypes().values()) {
      List<Cel> resourceMap = MappingExpressions.in(rt.list().map());
      out.add(full(rt.list().query(), resourceMap, rt.list().pagination()));
      rt.get().ifPresent(get -> out.add(full(get.query(), resourceMap, Optional.empty())));
      rt.incrementalSync().ifPresent(s -> out.add(resourceChanges(rt, s)));
      rt.entitlements().ifPresent(e -> out.add(entitlements(e)));
      for (GrantsQuery grants : rt.grants()) {
        out.add(full(grants.query(), MappingExpressions.in(grants.map()), grants.pagination()));
        grants.incrementalSync().ifPresent(s -> out.addAll(grantChanges(grants, s)));
      }
    }
    for (EventFeed feed : config.eventFeeds().values()) {
      List<ColumnUse> uses = reads(MappingExpressions.in(feed.map()));
      ColumnUse cursor = ColumnUse.key(feed.cursorColumn(), feed.path() + ".cursor_column", false);
      uses.add(cursor);
      uses.add(ColumnUse.key(feed.primaryKey(), feed.path() + ".primary_key", false));
      out.add(new ExpectedQuery(feed.query(), uses, Optional.of(cursor)));
    }
    return List.copyOf(out);
  }

  private static ExpectedQuery entitlements(EntitlementsQuery e) {
    return full(e.query(), MappingExpressions.in(e.map()), e.pagination());
  }

  /**
   * A full-sync query: its mapping's columns, and its primary key when it pages (the sync then
   * reads the key from each row by its exact label).
   */
  private static ExpectedQuery full(
      Query query, List<Cel> mapping, Optional<Pagination> pagination) {
    List<ColumnUse> uses = reads(mapping);
    if (Paging.of(query, pagination).paged()) {
      Pagination p = pagination.orElseThrow();
      uses.add(ColumnUse.key(p.primaryKey(), p.path() + ".primary_key", true));
    }
    return new ExpectedQuery(query, uses, Optional.empty(), firstPageCursors(query, pagination));
  }

  /** The {@code ?<Cursor>} comparisons that the first page of cursor pagination keeps. */
  private static List<Placeholder> firstPageCursors(Query query, Optional<Pagination> pagination) {
    if (!Paging.of(query, pagination).paged()
        || pagination.orElseThrow().strategy() != PaginationStrategy.CURSOR) {
      return List.of();
    }
    return FirstCursorPage.of(query.sql()).keptComparisons();
  }

  /**
   * An incremental resource query: its rows give the resource id; with {@code deleted_if} they are
   * also mapped by the list's {@code map} and the condition, so they must have all those columns.
   */
  private static ExpectedQuery resourceChanges(ResourceType rt, ResourceIncrementalSync s) {
    List<Cel> evaluated = new ArrayList<>();
    s.resourceId().ifPresent(evaluated::add);
    if (s.deletedIf().isPresent()) {
      evaluated.add(s.deletedIf().get());
      evaluated.addAll(MappingExpressions.in(rt.list().map()));
    } else if (s.resourceId().isEmpty()) {
      evaluated.add(rt.list().map().id());
    }
    List<ColumnUse> uses = reads(evaluated);
    return incremental(
        s.query(), uses, s.cursorColumn(), s.path() + ".cursor_column", s.pagination());
  }

  private static List<ExpectedQuery> grantChanges(GrantsQuery grants, GrantsIncrementalSync s) {
    List<Cel> evaluated = new ArrayList<>();
    evaluated.add(s.resourceId());
    for (GrantMapping m : grants.map()) {
      m.skipIf().ifPresent(evaluated::add);
      evaluated.add(m.principalId());
      evaluated.add(m.entitlementId());
    }
    List<ExpectedQuery> out = new ArrayList<>();
    out.add(
        incremental(
            s.changesQuery(),
            reads(evaluated),
            s.changesCursorColumn(),
            s.path() + ".changes_cursor_column",
            s.pagination()));
    if (s.revokesQuery().isPresent() && s.revokesCursorColumn().isPresent()) {
      out.add(
          incremental(
              s.revokesQuery().get(),
              reads(evaluated),
              s.revokesCursorColumn().get(),
              s.path() + ".revokes_cursor_column",
              s.pagination()));
    }
    return out;
  }

  /** An incremental query: its cursor column, which wants an index, and its key if it has one. */
  private static ExpectedQuery incremental(
      Query query,
      List<ColumnUse> uses,
      String cursorColumn,
      String cursorPath,
      Optional<Pagination> pagination) {
    ColumnUse cursor = ColumnUse.key(cursorColumn, cursorPath, false);
    uses.add(cursor);
    pagination
        .filter(p -> !p.primaryKey().isEmpty())
        .ifPresent(p -> uses.add(ColumnUse.key(p.primaryKey(), p.path() + ".primary_key", false)));
    return new ExpectedQuery(query, uses, Optional.of(cursor), firstPageCursors(query, pagination));
  }

  /** The columns that expressions read, each expression's columns in the order of its text. */
  private static List<ColumnUse> reads(List<Cel> expressions) {
    List<ColumnUse> out = new ArrayList<>();
    for (Cel cel : expressions) {
      ColumnReferences.required(cel.source()).forEach(r -> out.add(ColumnUse.read(cel, r)));
    }
    return out;
  }
}
