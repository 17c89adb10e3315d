package dev.sqlfeed.domain.config.bind;

import dev.sqlfeed.domain.config.Pagination;
import dev.sqlfeed.domain.config.PaginationStrategy;
import dev.sqlfeed.domain.config.Query;
import dev.sqlfeed.domain.config.tree.ScalarNode;
import dev.sqlfeed.domain.query.SqlTemplate;
import dev.sqlfeed.domain.query.SqlTemplate.Placeholder;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks a statement's {@code ?<name>} placeholders the way baton-sql fills them, so that a
 * statement that would fail (or page forever) at run time fails when the config loads instead.
 */
final class Placeholders {
  private static final Set<String> PAGING = Set.of("limit", "offset", "cursor");
  private static final Set<String> OPTIONS = Set.of("unquoted", "identifier");

  private Placeholders() {}

  /** Parses a statement and checks its placeholders. */
  static Optional<Query> query(
      Binding b,
      ScalarNode node,
      String path,
      QueryKind kind,
      Collection<String> names,
      Optional<Pagination> pagination) {
    return query(b, node, path, kind, names, pagination, false);
  }

  /**
   * As {@link #query(Binding, ScalarNode, String, QueryKind, Collection, Optional)}; with {@code
   * invalidPagination}, the query's pagination block is there but has errors of its own, already
   * reported, so its paging placeholders are not reported again as lacking a block.
   */
  static Optional<Query> query(
      Binding b,
      ScalarNode node,
      String path,
      QueryKind kind,
      Collection<String> names,
      Optional<Pagination> pagination,
      boolean invalidPagination) {
    int mark = b.mark();
    SqlTemplate sql = SqlTemplate.parse(node.text());
    Map<String, Placeholder> used = new LinkedHashMap<>();
    for (Placeholder p : sql.placeholders()) {
      used.putIfAbsent(p.name(), p);
      if (!(invalidPagination && PAGING.contains(p.name()))) {
        check(b, node, path, kind, names, pagination, p);
      }
    }
    if (!kind.requires().isEmpty() && !used.containsKey(kind.requires())) {
      b.error(node.location(), path, "missing ?<" + kind.requires() + ">");
    }
    if (kind.pages() && pagination.isPresent()) {
      checkPaging(b, node, path, pagination.get(), used);
    }
    return b.build(mark, () -> new Query(sql, path));
  }

  private static void check(
      Binding b,
      ScalarNode node,
      String path,
      QueryKind kind,
      Collection<String> names,
      Optional<Pagination> pagination,
      Placeholder p) {
    var at = node.locateOffset(p.offset());
    if (!p.option().isEmpty() && !OPTIONS.contains(p.option())) {
      b.error(
          at,
          path,
          "unknown option '"
              + p.option()
              + "' in "
              + p.token()
              + " (allowed: "
              + KeyHints.quotedList(OPTIONS.stream().sorted().toList())
              + ")");
      return;
    }
    if (p.inline() && kind.reads()) {
      b.warn(at, path, p.token() + " pastes its value into the SQL text instead of binding it");
    }
    String name = p.name();
    if (PAGING.contains(name)) {
      if (!kind.pages()) {
        b.error(at, path, "uses " + p.token() + ", which " + kind.noun() + " may not use");
      } else if (pagination.isEmpty()) {
        b.error(at, path, "uses " + p.token() + " but the query has no pagination block");
      } else if (name.equals("cursor")
          && pagination.get().strategy() == PaginationStrategy.OFFSET) {
        b.error(at, path, "uses " + p.token() + ", which offset pagination never sets");
      } else if (name.equals("offset")
          && pagination.get().strategy() == PaginationStrategy.CURSOR) {
        b.error(at, path, "uses " + p.token() + ", which cursor pagination never sets");
      }
      return;
    }
    if (name.equals("since") || name.equals("id")) {
      if (!kind.requires().equals(name)) {
        b.error(at, path, "uses " + p.token() + ", which " + kind.noun() + " may not use");
      }
      return;
    }
    if (names.contains(name)) {
      return;
    }
    String source = kind == QueryKind.ACTION ? "an argument or in vars" : "defined in vars";
    Optional<String> differentCase =
        names.stream().filter(n -> n.toLowerCase(Locale.ROOT).equals(name)).findFirst();
    if (differentCase.isPresent()) {
      b.error(
          at,
          path,
          "uses "
              + p.token()
              + ", but placeholders are matched in lower case and vars has '"
              + differentCase.get()
              + "': name it '"
              + name
              + "'");
    } else {
      b.error(at, path, "uses " + p.token() + ", which is not " + source);
    }
  }

  private static void checkPaging(
      Binding b,
      ScalarNode node,
      String path,
      Pagination pagination,
      Map<String, Placeholder> used) {
    boolean paged = used.keySet().stream().anyMatch(PAGING::contains);
    if (!paged) {
      return;
    }
    String second = pagination.strategy() == PaginationStrategy.CURSOR ? "cursor" : "offset";
    String secondToken =
        pagination.strategy() == PaginationStrategy.CURSOR ? "?<Cursor>" : "?<Offset>";
    for (String needed : new String[] {"limit", second}) {
      if (!used.containsKey(needed)) {
        b.error(
            node.location(),
            path,
            pagination.strategy().yaml()
                + " pagination needs both ?<Limit> and "
                + secondToken
                + "; "
                + (needed.equals("limit") ? "?<Limit>" : secondToken)
                + " is missing");
      }
    }
    if (pagination.primaryKey().isEmpty()) {
      b.error(
          node.location(),
          path,
          "pages with "
              + used.keySet().stream()
                  .filter(PAGING::contains)
                  .map(n -> used.get(n).token())
                  .findFirst()
                  .orElseThrow()
              + " but pagination has no primary_key");
    }
  }
}
