package dev.sqlfeed.domain.config.bind;

import dev.sqlfeed.domain.config.Connect;
import dev.sqlfeed.domain.config.Databases;
import dev.sqlfeed.domain.config.Query;
import dev.sqlfeed.domain.config.tree.ScalarNode;
import dev.sqlfeed.domain.config.tree.YamlPaths;
import dev.sqlfeed.domain.connect.ConnectValues;
import dev.sqlfeed.domain.connect.ConnectionSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Binds {@code connect}, expanding {@code ${VAR}} references in every field but the DSN. */
final class ConnectBinding {
  static final KeySet KEYS =
      KeySet.of(
          "dsn", "scheme", "host", "port", "database", "user", "password", "params", "databases");
  static final KeySet DATABASES = KeySet.of("static", "discovery_query");

  /** A line of {@link ConnectionSpec}'s message: {@code connect.FIELD: text}. */
  private static final Pattern FIELD = Pattern.compile("connect\\.([a-z_]+): (.*)", Pattern.DOTALL);

  private ConnectBinding() {}

  static Optional<Connect> bind(Section root) {
    Optional<Section> cs = root.requiredSection("connect", KEYS);
    if (cs.isEmpty()) {
      return Optional.empty();
    }
    Section c = cs.get();
    Binding b = c.binding;
    int mark = b.mark();
    // The DSN keeps its ${VAR} references: they are expanded part by part when connecting, as
    // baton-sql does, so that a password full of @:/# in a variable cannot break the DSN. Expanding
    // here only reports the unset ones.
    expanded(c, "dsn");
    String dsn = c.text("dsn");
    String scheme = expanded(c, "scheme");
    String host = expanded(c, "host");
    String port = expanded(c, "port");
    String database = expanded(c, "database");
    String user = expanded(c, "user");
    String password = expanded(c, "password");
    Map<String, String> params = new LinkedHashMap<>();
    c.scalarMap("params")
        .forEach((k, v) -> params.put(k, b.expand(v, YamlPaths.child(c.pathOf("params"), k))));
    if (c.text("dsn").isBlank() && c.text("scheme").isBlank()) {
      b.error(c.at, c.path, "needs 'dsn' or 'scheme' (with 'host')");
    } else if (c.text("dsn").isBlank() && c.text("host").isBlank()) {
      b.error(c.at, c.path, "'scheme' without 'dsn' needs 'host'");
    }
    ConnectValues values =
        new ConnectValues(dsn, scheme, host, port, database, user, password, params);
    if (b.mark() == mark) {
      connectable(c, values);
    }
    Optional<Databases> databases =
        c.section("databases", DATABASES).flatMap(ConnectBinding::databases);
    return b.build(mark, () -> new Connect(values, databases, c.path));
  }

  /**
   * Builds the connection settings as {@code sync} will, so that {@code validate} rejects the same
   * DSNs (a scheme sqlfeed has no driver for, Go's {@code user:pw@tcp(host)/db}) at the line of the
   * field at fault. The messages never carry a password ({@link ConnectionSpec#of}).
   */
  private static void connectable(Section c, ConnectValues values) {
    try {
      ConnectionSpec.of(values, name -> Objects.requireNonNullElse(c.binding.env(name), ""));
    } catch (IllegalArgumentException e) {
      for (String line : e.getMessage().lines().toList()) {
        Matcher m = FIELD.matcher(line);
        if (m.matches() && !m.group(1).equals("params") && c.has(m.group(1))) {
          String field = m.group(1);
          c.binding.error(c.scalar(field).orElseThrow().location(), c.pathOf(field), m.group(2));
        } else {
          c.binding.error(c.at, c.path, m.matches() ? m.group(2) : line);
        }
      }
    }
  }

  private static String expanded(Section c, String key) {
    return c.scalar(key).map(s -> c.binding.expand(s, c.pathOf(key))).orElse("");
  }

  private static Optional<Databases> databases(Section d) {
    int mark = d.binding.mark();
    List<String> names = d.scalars("static").stream().map(ScalarNode::text).toList();
    boolean hasDiscovery = !d.text("discovery_query").isBlank();
    if (!names.isEmpty() && hasDiscovery) {
      d.binding.error(d.at, d.path, "set only one of 'static' and 'discovery_query'");
    } else if (names.isEmpty() && !hasDiscovery) {
      d.binding.error(d.at, d.path, "needs 'static' or 'discovery_query'");
    }
    Optional<Query> discovery =
        hasDiscovery
            ? QueryParts.query(
                d, "discovery_query", QueryKind.DISCOVERY, List.of(), Optional.empty())
            : Optional.empty();
    return d.binding.build(mark, () -> new Databases(names, discovery));
  }
}
