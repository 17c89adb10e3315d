package dev.sqlfeed.domain.config.bind;

import dev.sqlfeed.domain.config.Query;
import dev.sqlfeed.domain.config.QueryVar;
import dev.sqlfeed.domain.config.action.Action;
import dev.sqlfeed.domain.config.action.ActionArgument;
import dev.sqlfeed.domain.config.action.ActionType;
import dev.sqlfeed.domain.config.tree.MappingNode;
import dev.sqlfeed.domain.config.tree.ScalarNode;
import dev.sqlfeed.domain.config.tree.YamlPaths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Binds the top-level {@code actions}. */
final class ActionBinding {
  static final KeySet ACTION =
      KeySet.of(
          "name",
          "description",
          "arguments",
          "vars",
          "no_transaction",
          "query",
          "queries",
          "action_type");
  static final KeySet ARGUMENT = KeySet.of("name", "description", "type", "default", "required");

  private ActionBinding() {}

  static Map<String, Action> bind(Section root) {
    Map<String, Action> out = new LinkedHashMap<>();
    for (MappingNode.Entry e : root.named("actions")) {
      Section.of(
              root.binding, e.value(), YamlPaths.child("actions", e.key()), ACTION, e.keyLocation())
          .flatMap(a -> action(a, e.key()))
          .ifPresent(a -> out.put(e.key(), a));
    }
    return out;
  }

  private static Optional<Action> action(Section a, String key) {
    int mark = a.binding.mark();
    Optional<ScalarNode> name = a.required("name");
    Map<String, ActionArgument> arguments = arguments(a);
    Map<String, QueryVar> vars = QueryParts.vars(a, "vars");
    Set<String> names = new LinkedHashSet<>(vars.keySet());
    names.addAll(arguments.keySet());
    List<Query> queries = new ArrayList<>();
    boolean hasQuery = !a.text("query").isBlank();
    boolean hasQueries = !a.list("queries").isEmpty();
    if (hasQuery && hasQueries) {
      a.binding.error(a.at, a.path, "set only one of 'query' and 'queries'");
    } else if (!hasQuery && !hasQueries) {
      a.binding.error(a.at, a.path, "needs 'query' or 'queries'");
    } else if (hasQuery) {
      QueryParts.query(a, "query", QueryKind.ACTION, names, Optional.empty())
          .ifPresent(queries::add);
    } else {
      queries.addAll(QueryParts.queries(a, "queries", QueryKind.ACTION, names));
    }
    List<ActionType> types = new ArrayList<>();
    List<ScalarNode> typeNodes = a.scalars("action_type");
    for (int i = 0; i < typeNodes.size(); i++) {
      Enums.parse(
              a.binding,
              typeNodes.get(i),
              YamlPaths.index(a.pathOf("action_type"), i),
              ActionType.values(),
              ActionType::yaml)
          .ifPresent(types::add);
    }
    String description = a.text("description");
    boolean noTransaction = a.bool("no_transaction");
    return a.binding.build(
        mark,
        () ->
            new Action(
                key,
                name.orElseThrow().text(),
                description,
                arguments,
                vars,
                noTransaction,
                queries,
                types,
                a.path));
  }

  private static Map<String, ActionArgument> arguments(Section a) {
    Map<String, ActionArgument> out = new LinkedHashMap<>();
    for (MappingNode.Entry e : a.named("arguments")) {
      Section.of(
              a.binding,
              e.value(),
              YamlPaths.child(a.pathOf("arguments"), e.key()),
              ARGUMENT,
              e.keyLocation())
          .flatMap(arg -> argument(arg, e.key()))
          .ifPresent(arg -> out.put(e.key(), arg));
    }
    return out;
  }

  private static Optional<ActionArgument> argument(Section arg, String key) {
    int mark = arg.binding.mark();
    Optional<ScalarNode> name = arg.required("name");
    Optional<ActionArgument.Type> type =
        arg.required("type")
            .flatMap(
                n ->
                    Enums.parse(
                        arg.binding,
                        n,
                        arg.pathOf("type"),
                        ActionArgument.Type.values(),
                        ActionArgument.Type::yaml));
    Optional<Object> defaultValue = arg.value("default").flatMap(PlainValues::of);
    boolean required = arg.bool("required");
    if (required && defaultValue.isPresent()) {
      arg.binding.error(
          arg.node.get("default").orElseThrow().location(),
          arg.pathOf("default"),
          "a required argument may not have a default");
    }
    String description = arg.text("description");
    return arg.binding.build(
        mark,
        () ->
            new ActionArgument(
                key,
                name.orElseThrow().text(),
                description,
                type.orElseThrow(),
                defaultValue,
                required));
  }
}
