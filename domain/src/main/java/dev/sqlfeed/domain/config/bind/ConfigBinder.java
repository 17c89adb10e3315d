package dev.sqlfeed.domain.config.bind;

import dev.sqlfeed.domain.config.CelCompiler;
import dev.sqlfeed.domain.config.Config;
import dev.sqlfeed.domain.config.Connect;
import dev.sqlfeed.domain.config.EventRetention;
import dev.sqlfeed.domain.config.FullSyncSettings;
import dev.sqlfeed.domain.config.LoadedConfig;
import dev.sqlfeed.domain.config.action.Action;
import dev.sqlfeed.domain.config.feed.EventFeed;
import dev.sqlfeed.domain.config.resource.ResourceType;
import dev.sqlfeed.domain.config.tree.MappingNode;
import dev.sqlfeed.domain.config.tree.ScalarNode;
import dev.sqlfeed.domain.config.tree.YamlNode;
import dev.sqlfeed.domain.config.tree.YamlPaths;
import dev.sqlfeed.domain.error.ConfigException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a parsed YAML tree into a {@link Config}, checking everything that can be checked without a
 * database: keys (unknown ones with a "did you mean" hint), types, required keys, every CEL
 * expression (compiled), every query's placeholders, enum values, durations, {@code ${VAR}}
 * references. It reports every problem, not the first, each as {@code FILE:LINE:COL: yaml.path:
 * message}.
 *
 * <p>Accepts every config baton-sql accepts, and sqlfeed's incremental-sync keys. Thread-safe: each
 * call keeps its state to itself.
 */
public final class ConfigBinder {
  static final KeySet TOP =
      KeySet.of(
          "app_name",
          "app_description",
          "connect",
          "resource_types",
          "actions",
          "incremental_sync",
          "event_feeds",
          "full_sync",
          "events");

  private final Map<String, String> env;
  private final CelCompiler compiler;

  /**
   * @param env the environment that {@code ${VAR}} references read (injected: the domain never
   *     reads the process environment itself)
   * @param compiler compiles the CEL expressions
   */
  public ConfigBinder(Map<String, String> env, CelCompiler compiler) {
    this.env = Map.copyOf(env);
    this.compiler = Objects.requireNonNull(compiler, "compiler");
  }

  /** Binds a tree, collecting every error and warning. */
  public BindResult bind(YamlNode root) {
    Binding b = new Binding(env, compiler);
    Optional<Config> config = config(b, root);
    List<Problem> errors = b.errors().stream().sorted(Problem.IN_FILE_ORDER).toList();
    List<Problem> warnings = b.warnings().stream().sorted(Problem.IN_FILE_ORDER).toList();
    return new BindResult(errors.isEmpty() ? config : Optional.empty(), errors, warnings);
  }

  /**
   * Binds a tree.
   *
   * @throws ConfigException with every error, when there is at least one
   */
  public LoadedConfig load(YamlNode root) {
    BindResult result = bind(root);
    if (!result.errors().isEmpty()) {
      throw new ConfigException(result.errors().stream().map(Problem::format).toList());
    }
    return new LoadedConfig(
        result.config().orElseThrow(), result.warnings().stream().map(Problem::format).toList());
  }

  private static Optional<Config> config(Binding b, YamlNode root) {
    if (root instanceof ScalarNode s && s.isNull()) {
      b.error(root.location(), "", "the config is empty");
      return Optional.empty();
    }
    Optional<Section> top = Section.of(b, root, "", TOP);
    if (top.isEmpty()) {
      return Optional.empty();
    }
    Section t = top.get();
    int mark = b.mark();
    Optional<ScalarNode> appName = t.required("app_name");
    String appDescription = t.text("app_description");
    Optional<Connect> connect = ConnectBinding.bind(t);
    IncrementalBinding.Defaults defaults = IncrementalBinding.defaults(t);
    Map<String, ResourceType> resourceTypes = resourceTypes(t, defaults);
    Map<String, Action> actions = ActionBinding.bind(t);
    Map<String, EventFeed> eventFeeds = EventFeedBinding.bind(t, defaults);
    FullSyncSettings fullSync = FullSyncBinding.bind(t);
    EventRetention retention = EventsBinding.bind(t);
    return b.build(
        mark,
        () ->
            new Config(
                appName.orElseThrow().text(),
                appDescription,
                connect.orElseThrow(),
                resourceTypes,
                actions,
                defaults.settings(),
                eventFeeds,
                fullSync,
                retention));
  }

  private static Map<String, ResourceType> resourceTypes(
      Section t, IncrementalBinding.Defaults defaults) {
    Map<String, ResourceType> out = new LinkedHashMap<>();
    if (t.node.entry("resource_types").isEmpty()) {
      t.binding.error(t.at, t.path, "missing required key 'resource_types'");
      return out;
    }
    List<MappingNode.Entry> entries = t.named("resource_types");
    if (entries.isEmpty()
        && t.value("resource_types").map(v -> v instanceof MappingNode).orElse(true)) {
      YamlNode v = t.node.get("resource_types").orElseThrow();
      t.binding.error(v.location(), "resource_types", "needs at least one resource type");
      return out;
    }
    Set<String> ids = new LinkedHashSet<>();
    entries.forEach(e -> ids.add(e.key()));
    t.binding.resourceTypeIds(ids);
    for (MappingNode.Entry e : entries) {
      Section.of(
              t.binding,
              e.value(),
              YamlPaths.child("resource_types", e.key()),
              ResourceTypeBinding.KEYS,
              e.keyLocation())
          .flatMap(rt -> ResourceTypeBinding.bind(rt, e.key(), defaults))
          .ifPresent(rt -> out.put(e.key(), rt));
    }
    return out;
  }
}
