package dev.sqlfeed.domain.config.bind;

import dev.sqlfeed.domain.config.Pagination;
import dev.sqlfeed.domain.config.PaginationStrategy;
import dev.sqlfeed.domain.config.Query;
import dev.sqlfeed.domain.config.QueryScope;
import dev.sqlfeed.domain.config.QueryVar;
import dev.sqlfeed.domain.config.tree.ScalarNode;
import dev.sqlfeed.domain.config.tree.YamlPaths;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** The parts every query block shares: its statement, vars, pagination and scope. */
final class QueryParts {
  static final KeySet PAGINATION = KeySet.of("strategy", "primary_key", "page_size");

  private static final Pattern BARE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private QueryParts() {}

  /** A required statement of the given kind, checked against the names it may use. */
  static Optional<Query> query(
      Section s,
      String key,
      QueryKind kind,
      Collection<String> names,
      Optional<Pagination> pagination) {
    boolean invalidPagination = pagination.isEmpty() && s.has("pagination");
    return s.required(key)
        .flatMap(
            n ->
                Placeholders.query(
                    s.binding, n, s.pathOf(key), kind, names, pagination, invalidPagination));
  }

  /** A list of statements (every entry required to be a non-empty string). */
  static List<Query> queries(Section s, String key, QueryKind kind, Collection<String> names) {
    List<ScalarNode> items = s.scalars(key);
    List<Query> out = new java.util.ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      String path = YamlPaths.index(s.pathOf(key), i);
      ScalarNode item = items.get(i);
      if (item.text().isBlank()) {
        s.binding.error(item.location(), path, "must not be empty");
        continue;
      }
      Placeholders.query(s.binding, item, path, kind, names, Optional.empty()).ifPresent(out::add);
    }
    return out;
  }

  /**
   * A {@code vars} block. baton-sql first reads each value as the name of an input field and only
   * otherwise as CEL, so a bare name that does not compile is kept as an input reference.
   */
  static Map<String, QueryVar> vars(Section s, String key) {
    Map<String, QueryVar> out = new LinkedHashMap<>();
    s.scalarMap(key)
        .forEach(
            (name, node) -> {
              String path = YamlPaths.child(s.pathOf(key), name);
              String text = node.text();
              if (text.isBlank()) {
                s.binding.error(node.location(), path, "must not be empty");
                return;
              }
              if (BARE_NAME.matcher(text.strip()).matches() && !s.binding.compiles(text)) {
                out.put(name, new QueryVar(name, text, Optional.empty(), path));
                return;
              }
              s.binding
                  .compile(node, path)
                  .ifPresent(
                      c ->
                          out.put(
                              name, new QueryVar(name, text, Optional.of(c.expression()), path)));
            });
    return out;
  }

  /** Checks that no var is named like a placeholder baton-sql fills itself. */
  static void rejectReservedVars(Section s, String key, Map<String, QueryVar> vars) {
    for (String reserved : List.of("since", "id")) {
      if (vars.containsKey(reserved)) {
        s.node
            .get(key)
            .ifPresent(
                v ->
                    s.binding.error(
                        v.location(),
                        YamlPaths.child(s.pathOf(key), reserved),
                        "'"
                            + reserved
                            + "' is reserved: baton-sql fills ?<"
                            + reserved
                            + "> itself"));
      }
    }
  }

  /**
   * A {@code pagination} block. {@code strategy} is required unless {@code defaultStrategy} is
   * given (baton-sql's incremental queries default to offset).
   */
  static Optional<Pagination> pagination(
      Section parent, Optional<PaginationStrategy> defaultStrategy) {
    Optional<Section> ps = parent.section("pagination", PAGINATION);
    if (ps.isEmpty()) {
      return Optional.empty();
    }
    Section p = ps.get();
    int mark = p.binding.mark();
    Optional<PaginationStrategy> strategy;
    if (p.has("strategy") || defaultStrategy.isEmpty()) {
      strategy =
          p.required("strategy")
              .flatMap(
                  n ->
                      Enums.parse(
                          p.binding,
                          n,
                          p.pathOf("strategy"),
                          PaginationStrategy.values(),
                          PaginationStrategy::yaml));
    } else {
      strategy = defaultStrategy;
    }
    int pageSize = p.integer("page_size").orElse(0);
    if (pageSize < 0 || pageSize > Pagination.MAX_PAGE_SIZE) {
      p.scalar("page_size")
          .ifPresent(
              n ->
                  p.binding.warn(
                      n.location(),
                      p.pathOf("page_size"),
                      "baton-sql clamps page_size to 1.."
                          + Pagination.MAX_PAGE_SIZE
                          + "; "
                          + n.text()
                          + " reads as "
                          + Math.max(1, Math.min(Pagination.MAX_PAGE_SIZE, pageSize))));
    }
    String primaryKey = p.text("primary_key");
    return p.binding.build(
        mark, () -> new Pagination(strategy.orElseThrow(), primaryKey, pageSize, p.path));
  }

  /** {@code scope}: per database (default) or {@code cluster}. */
  static QueryScope scope(Section s) {
    return s.oneOf("scope", QueryScope.values(), QueryScope::yaml).orElse(QueryScope.DATABASE);
  }
}
