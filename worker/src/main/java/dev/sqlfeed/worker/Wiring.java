package dev.sqlfeed.worker;

import dev.sqlfeed.domain.config.Config;
import dev.sqlfeed.domain.config.Connect;
import dev.sqlfeed.domain.connect.ConnectionSpec;
import dev.sqlfeed.domain.error.ConfigException;
import dev.sqlfeed.domain.error.StoreException;
import dev.sqlfeed.jdbc.JdbcCatalogs;
import dev.sqlfeed.jdbc.JdbcSources;
import dev.sqlfeed.jdbc.JdbcStatementRunners;
import dev.sqlfeed.jdbc.JdbcStores;
import dev.sqlfeed.jdbc.PoolMetrics;
import dev.sqlfeed.jdbc.SourceOptions;
import dev.sqlfeed.nats.NatsSinks;
import dev.sqlfeed.ports.EventLog;
import dev.sqlfeed.ports.SourceReader;
import dev.sqlfeed.ports.StatementRunner;
import dev.sqlfeed.ports.StoredEvent;
import dev.sqlfeed.ports.SyncStore;
import dev.sqlfeed.ports.catalog.SourceCatalog;
import dev.sqlfeed.ports.sink.EventPublisher;
import dev.sqlfeed.ports.sink.EventSink;
import dev.sqlfeed.ports.sink.SinkPositions;
import dev.sqlfeed.worker.metrics.SqlfeedMetrics;
import dev.sqlfeed.worker.publish.PublishLoop;
import dev.sqlfeed.workflows.FeedActivities;
import dev.sqlfeed.workflows.FeedActivitiesImpl;
import dev.sqlfeed.workflows.FullSyncActivities;
import dev.sqlfeed.workflows.FullSyncActivitiesImpl;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The one place that builds concrete adapters. Commands ask it for a source or a store and never
 * name an adapter class themselves.
 */
public final class Wiring {
  /** The store used when no {@code --store} is given: an SQLite file in the working directory. */
  public static final String DEFAULT_STORE = "jdbc:sqlite:sqlfeed.db";

  private Wiring() {}

  /** The connection settings of a config's source database. */
  public static ConnectionSpec connection(Config config, Map<String, String> env) {
    Connect c = config.connect();
    try {
      return ConnectionSpec.of(c.values(), env::get);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(e.getMessage().lines().toList());
    }
  }

  /** A read-only reader of the config's source database. */
  public static SourceReader source(Config config, Map<String, String> env) {
    return JdbcSources.open(connection(config, env), SourceOptions.named(config.appName()));
  }

  /**
   * A writable runner of statements on the config's source database, for {@code sqlfeed grant} and
   * {@code revoke}: its own pool, apart from the read-only one of {@link #source}.
   */
  public static StatementRunner statementRunner(Config config, Map<String, String> env) {
    return JdbcStatementRunners.open(
        connection(config, env), SourceOptions.named(config.appName()));
  }

  /**
   * A read-only catalog of the config's source database, for {@code validate --connect}: connects
   * at once, so an unreachable database or a wrong password fails here.
   */
  public static SourceCatalog catalog(Config config, Map<String, String> env) {
    return JdbcCatalogs.open(connection(config, env), SourceOptions.named(config.appName()));
  }

  /**
   * Opens (and creates, if need be) the store at a JDBC URL. Credentials may be in the URL or in
   * {@code SQLFEED_STORE_USER} / {@code SQLFEED_STORE_PASSWORD}.
   */
  public static SyncStore store(String jdbcUrl, Map<String, String> env) {
    String user = env.get("SQLFEED_STORE_USER");
    String password = env.get("SQLFEED_STORE_PASSWORD");
    if (user == null && password == null) {
      return JdbcStores.open(jdbcUrl);
    }
    return JdbcStores.open(jdbcUrl, user, password);
  }

  /**
   * Opens an existing store for reading: an SQLite store file that does not exist is an error
   * rather than a new empty store.
   */
  public static SyncStore existingStore(String jdbcUrl, Map<String, String> env) {
    if (jdbcUrl.startsWith("jdbc:sqlite:")) {
      String file = jdbcUrl.substring("jdbc:sqlite:".length()).replaceFirst("\\?.*$", "");
      if (!file.isEmpty() && !file.startsWith(":memory:") && !Files.exists(Path.of(file))) {
        throw new StoreException(
            StoreException.Kind.UNAVAILABLE,
            false,
            "no store at " + file + " (run 'sqlfeed sync' first, or pass --store)",
            null);
      }
    }
    return store(jdbcUrl, env);
  }

  /**
   * The activities of the source workflows: read pages of the config's incremental sources and
   * write their events, mirror changes and checkpoints to the store.
   */
  public static FeedActivities feedActivities(Config config, SourceReader source, EventLog store) {
    return new FeedActivitiesImpl(config, source, store, Clock.systemUTC());
  }

  /**
   * The activity of the full sync workflow: full syncs of the config's app, reconciled into the
   * store's mirror and recorded in its {@code sync_runs}.
   */
  public static FullSyncActivities fullSyncActivities(
      Config config, SourceReader source, SyncStore store) {
    return new FullSyncActivitiesImpl(config, source, store, Clock.systemUTC());
  }

  /** How many events the publisher reads, publishes and stores its position for at a time. */
  private static final int PUBLISH_BATCH = 500;

  /**
   * Publishes the app's events from {@code store} to NATS JetStream at {@code natsUrl}, with the
   * position kept in the store. Nothing connects before the loop publishes.
   *
   * @param payload the JSON object of an event, as {@code sqlfeed events} prints it
   * @throws ConfigException for a malformed URL, subject prefix or stream name, or a store that
   *     cannot keep a sink's position
   */
  public static PublishLoop natsPublisher(
      String app,
      SyncStore store,
      String natsUrl,
      String subjectPrefix,
      Optional<String> stream,
      Function<StoredEvent, String> payload) {
    if (!(store instanceof SinkPositions positions)) {
      throw new ConfigException("--publish: the store at --store cannot keep a sink's position");
    }
    EventSink sink =
        NatsSinks.jetStream(natsUrl, subjectPrefix, stream, app, NatsSinks.DEFAULT_TIMEOUT);
    EventPublisher publisher =
        new EventPublisher(app, store, positions, sink, payload, PUBLISH_BATCH);
    return new PublishLoop(publisher, sink, PublishLoop.Timing.DEFAULT);
  }

  /** The worker's metrics: a Dropwizard registry whose metrics know their Prometheus labels. */
  public static SqlfeedMetrics metrics() {
    return new SqlfeedMetrics();
  }

  /**
   * Has the connection pools opened from now on (store and source) report to {@code metrics}, until
   * the returned publication is closed.
   */
  public static PoolMetrics.Publication poolMetrics(SqlfeedMetrics metrics) {
    return PoolMetrics.publishTo(metrics.registry());
  }
}
