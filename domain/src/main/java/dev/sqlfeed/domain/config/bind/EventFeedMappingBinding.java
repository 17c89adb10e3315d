package dev.sqlfeed.domain.config.bind;

import dev.sqlfeed.domain.config.Cel;
import dev.sqlfeed.domain.config.feed.EventFeedMapping;
import dev.sqlfeed.domain.config.feed.EventKind;
import dev.sqlfeed.domain.config.tree.ScalarNode;
import java.util.List;
import java.util.Optional;

/**
 * Binds an event feed's {@code map} and checks what can be checked of it when the config loads:
 * where {@code kind} or {@code resource_type} is a literal (a quoted string or a bare word), the
 * kind must be one of the four, the type one of the config's, a grant kind needs the principal
 * fields, and a type that may get {@code resource_changed} needs a {@code get} query. Expressions
 * that are not literals are checked for each row when the feed runs.
 */
final class EventFeedMappingBinding {
  static final KeySet KEYS =
      KeySet.of(
          "kind",
          "resource_type",
          "resource_id",
          "entitlement",
          "principal_type",
          "principal_id",
          "skip_if");
  private static final List<String> GRANT_FIELDS =
      List.of("entitlement", "principal_type", "principal_id");

  private EventFeedMappingBinding() {}

  static Optional<EventFeedMapping> bind(Section m, DeclaredTypes types) {
    int mark = m.binding.mark();
    Optional<ScalarNode> kindNode = m.required("kind");
    Optional<Cel> kind = kindNode.flatMap(n -> m.binding.compile(n, m.pathOf("kind")));
    Optional<EventKind> literalKind = kindNode.flatMap(n -> literalKind(m, n));
    Optional<ScalarNode> typeNode = m.required("resource_type");
    Optional<Cel> type = typeNode.flatMap(n -> m.binding.compile(n, m.pathOf("resource_type")));
    typeNode.ifPresent(n -> checkType(m, n, types, kindNode, literalKind));
    Optional<Cel> id = m.requiredCel("resource_id");
    checkGrantFields(m, kindNode, literalKind);
    Optional<Cel> entitlement = m.cel("entitlement");
    Optional<Cel> principalType = m.cel("principal_type");
    m.scalar("principal_type").ifPresent(n -> checkPrincipalType(m, n, types));
    Optional<Cel> principalId = m.cel("principal_id");
    Optional<Cel> skipIf = m.cel("skip_if");
    return m.binding.build(
        mark,
        () ->
            new EventFeedMapping(
                kind.orElseThrow(),
                type.orElseThrow(),
                id.orElseThrow(),
                entitlement,
                principalType,
                principalId,
                skipIf));
  }

  private static Optional<EventKind> literalKind(Section m, ScalarNode node) {
    Optional<String> literal = CelLiterals.string(node.text());
    if (literal.isEmpty()) {
      return Optional.empty();
    }
    Optional<EventKind> kind = EventKind.of(literal.get());
    if (kind.isEmpty()) {
      m.binding.error(
          node.location(),
          m.pathOf("kind"),
          "'"
              + literal.get()
              + "' is not an event kind"
              + KeyHints.closest(literal.get(), EventKind.names())
                  .map(k -> " (did you mean '" + k + "'?)")
                  .orElse(" (one of " + KeyHints.quotedList(EventKind.names()) + ")"));
    }
    return kind;
  }

  private static void checkType(
      Section m,
      ScalarNode node,
      DeclaredTypes types,
      Optional<ScalarNode> kindNode,
      Optional<EventKind> literalKind) {
    Optional<String> literal = CelLiterals.string(node.text());
    if (literal.isEmpty() || types.ids().isEmpty()) {
      return;
    }
    String path = m.pathOf("resource_type");
    Optional<DeclaredTypes.Type> declared = types.get(literal.get());
    if (declared.isEmpty()) {
      m.binding.error(
          node.location(),
          path,
          "'"
              + literal.get()
              + "' is not a resource type of this config"
              + KeyHints.closest(literal.get(), types.ids())
                  .map(k -> " (did you mean '" + k + "'?)")
                  .orElse(" (resource types: " + KeyHints.quotedList(types.ids()) + ")"));
      return;
    }
    // A kind that is not a literal may yield resource_changed for any row.
    boolean kindIsLiteral = kindNode.flatMap(n -> CelLiterals.string(n.text())).isPresent();
    boolean mayChange =
        kindNode.isPresent()
            && (kindIsLiteral ? literalKind.orElse(null) == EventKind.RESOURCE_CHANGED : true);
    if (mayChange && !declared.get().hasGet()) {
      m.binding.error(
          node.location(),
          path,
          "resource type '"
              + literal.get()
              + "' has no 'get' query, which re-reads the resource for each resource_changed"
              + " event"
              + (kindIsLiteral ? "" : " (map.kind is not a literal, so it may yield one)"));
    }
  }

  private static void checkGrantFields(
      Section m, Optional<ScalarNode> kindNode, Optional<EventKind> literalKind) {
    if (literalKind.isEmpty()) {
      return;
    }
    EventKind kind = literalKind.get();
    for (String field : GRANT_FIELDS) {
      boolean given =
          m.value(field).map(v -> !(v instanceof ScalarNode s && s.text().isBlank())).orElse(false);
      if (kind.grant() && !given) {
        m.binding.error(
            m.at,
            m.path,
            "missing required key '"
                + field
                + "': kind "
                + kind.yaml()
                + " needs entitlement, principal_type and principal_id");
      } else if (!kind.grant() && given) {
        m.binding.warn(
            m.node.entry(field).orElseThrow().keyLocation(),
            m.pathOf(field),
            "is evaluated only for the grant kinds, and this feed's kind is always " + kind.yaml());
      }
    }
  }

  private static void checkPrincipalType(Section m, ScalarNode node, DeclaredTypes types) {
    Optional<String> literal = CelLiterals.string(node.text());
    if (literal.isEmpty() || types.ids().isEmpty() || types.ids().contains(literal.get())) {
      return;
    }
    // A warning, as for a grants query's principal_type: baton-sql does not check either.
    m.binding.warn(
        node.location(),
        m.pathOf("principal_type"),
        "'"
            + literal.get()
            + "' is not a resource type of this config"
            + KeyHints.closest(literal.get(), types.ids())
                .map(k -> " (did you mean '" + k + "'?)")
                .orElse(""));
  }
}
