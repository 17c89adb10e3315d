package dev.sqlfeed.worker.temporal;

import dev.sqlfeed.domain.config.Config;
import dev.sqlfeed.jdbc.testing.TestDatabase;
import dev.sqlfeed.jdbc.testing.TestDatabases;
import dev.sqlfeed.ports.Checkpoint;
import dev.sqlfeed.ports.SourceReader;
import dev.sqlfeed.ports.StoredEvent;
import dev.sqlfeed.ports.SyncStore;
import dev.sqlfeed.worker.Wiring;
import dev.sqlfeed.worker.config.ConfigLoader;
import dev.sqlfeed.workflows.FullSyncInput;
import dev.sqlfeed.workflows.FullSyncState;
import dev.sqlfeed.workflows.FullSyncStatus;
import dev.sqlfeed.workflows.FullSyncWorkflow;
import dev.sqlfeed.workflows.FullSyncWorkflowImpl;
import dev.sqlfeed.workflows.FullSyncWorkflows;
import dev.sqlfeed.workflows.SourceInput;
import dev.sqlfeed.workflows.SourceSettings;
import dev.sqlfeed.workflows.SourceState;
import dev.sqlfeed.workflows.SourceStatus;
import dev.sqlfeed.workflows.SourceWorkflow;
import dev.sqlfeed.workflows.SourceWorkflowImpl;
import dev.sqlfeed.workflows.SourceWorkflows;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.workflow.v1.PendingActivityInfo;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerOptions;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The workflows as {@code sqlfeed run} runs them, in Temporal's time-skipping test environment:
 * {@link SourceWorkflowImpl} and {@link FullSyncWorkflowImpl} with the real page and full sync
 * activities that {@link Wiring} builds, reading an SQLite source database and writing an SQLite
 * store, both created for the test. Time moves on its own only while a test blocks on a result or
 * sleeps; the test server holds it while an activity runs, so a page never times out because time
 * jumped.
 */
final class SqliteFeedEnvironment implements AutoCloseable {
  static final String QUEUE = "sqlfeed";
  static final String APP = "acme";
  static final String SOURCE = "user";
  static final Duration POLL = Duration.ofSeconds(30);
  static final String MEMORY_STORE = "jdbc:sqlite:file:sqlfeed-golden?mode=memory&cache=shared";

  /** The source database, for the scenarios' rows. */
  final UsersDatabase users = new UsersDatabase();

  private final TestDatabase storeDb = TestDatabases.create(TestDatabase.Kind.SQLITE);
  private final Config config;
  private final SourceReader source;
  private final SyncStore store;
  final TestWorkflowEnvironment env;
  final WorkflowClient client;

  /** The full sync activity, real, but held before it starts when a scenario asks. */
  final HeldFullSync fullSyncs;

  /** Holds an in-memory store alive between the pools' connections; null for a file store. */
  private final Connection memoryStore;

  SqliteFeedEnvironment() {
    this(false);
  }

  /**
   * @param inMemoryStore whether the store is an SQLite database in memory instead of a file: a
   *     store's errors name its URL, and a history that records one must not carry a path
   */
  SqliteFeedEnvironment(boolean inMemoryStore) {
    config = ConfigLoader.withEnvironment(Map.of()).load("app.yml", users.config()).config();
    source = Wiring.source(config, Map.of());
    String storeUrl = inMemoryStore ? MEMORY_STORE : storeDb.jdbcUrl();
    try {
      memoryStore = inMemoryStore ? DriverManager.getConnection(MEMORY_STORE) : null;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    store = Wiring.store(storeUrl, Map.of());
    fullSyncs = new HeldFullSync(Wiring.fullSyncActivities(config, source, store));
    // A fixed identity keeps this machine's host name out of the histories.
    env =
        TestWorkflowEnvironment.newInstance(
            TestEnvironmentOptions.newBuilder()
                .setWorkflowClientOptions(
                    WorkflowClientOptions.newBuilder().setIdentity("sqlfeed-test").build())
                .build());
    // On a machine busy with other builds, loading classes during a workflow's first task can take
    // longer than the SDK's one-second deadlock detection: the failed task would be retried, but
    // it would also stay in the recorded history.
    Worker worker =
        env.newWorker(
            QUEUE,
            WorkerOptions.newBuilder()
                .setDefaultDeadlockDetectionTimeout(Duration.ofSeconds(30).toMillis())
                .build());
    worker.registerWorkflowImplementationTypes(
        SourceWorkflowImpl.class, FullSyncWorkflowImpl.class);
    worker.registerActivitiesImplementations(
        Wiring.feedActivities(config, source, store), fullSyncs);
    env.start();
    client = env.getWorkflowClient();
  }

  /** The source's pacing as {@code sqlfeed run} derives it from the config. */
  SourceSettings settings() {
    return SourcePacing.of(config).get(0).settings();
  }

  /** The config's incremental sources, in config order. */
  List<String> sourceKeys() {
    return SourcePacing.of(config).stream().map(SourcePacing::key).toList();
  }

  /** The config's pacing with other run bounds, for the continue-as-new scenarios. */
  SourceSettings settings(int cyclesPerRun, int pagesPerRun) {
    SourceSettings s = settings();
    return new SourceSettings(s.pollIntervalMillis(), s.pageSize(), cyclesPerRun, pagesPerRun);
  }

  /** Starts the user source's workflow and returns its first run. */
  WorkflowExecution start(SourceSettings settings, boolean once) {
    return start(SOURCE, settings, once, null);
  }

  /** Starts a source's workflow, from carried-over state if not null, and returns its first run. */
  WorkflowExecution start(
      String sourceKey, SourceSettings settings, boolean once, SourceState state) {
    SourceWorkflows.Start start =
        SourceWorkflows.startOrAttach(
            client, QUEUE, new SourceInput(APP, sourceKey, settings, once, state));
    return execution(start.workflowId(), start.runId());
  }

  /** Starts the app's full sync workflow and returns its first run. */
  WorkflowExecution startFullSync(FullSyncInput input) {
    FullSyncWorkflows.Start start = FullSyncWorkflows.startOrAttach(client, QUEUE, input);
    return execution(start.workflowId(), start.runId());
  }

  private static WorkflowExecution execution(String workflowId, String runId) {
    return WorkflowExecution.newBuilder().setWorkflowId(workflowId).setRunId(runId).build();
  }

  SourceWorkflow stub() {
    return stub(SOURCE);
  }

  SourceWorkflow stub(String sourceKey) {
    return SourceWorkflows.attach(client, APP, sourceKey);
  }

  FullSyncWorkflow fullSyncStub() {
    return FullSyncWorkflows.attach(client, APP);
  }

  /** The workflow's result, following continue-as-new; time skips while this waits. */
  SourceState result() {
    return result(SOURCE);
  }

  SourceState result(String sourceKey) {
    return WorkflowStub.fromTyped(stub(sourceKey)).getResult(SourceState.class);
  }

  /** The full sync workflow's result, following continue-as-new; time skips meanwhile. */
  FullSyncState fullSyncResult() {
    return WorkflowStub.fromTyped(fullSyncStub()).getResult(FullSyncState.class);
  }

  /** Queries the state until it satisfies the condition; time does not skip meanwhile. */
  SourceStatus awaitStatus(Predicate<SourceStatus> condition) {
    return awaitStatus(SOURCE, condition);
  }

  SourceStatus awaitStatus(String sourceKey, Predicate<SourceStatus> condition) {
    SourceStatus[] last = {null};
    await(
        () -> {
          last[0] = stub(sourceKey).state();
          return last[0] != null && condition.test(last[0]);
        },
        () -> sourceKey + "'s last state: " + last[0]);
    return last[0];
  }

  /** Queries the full sync workflow until it satisfies the condition; time does not skip. */
  FullSyncStatus awaitFullSync(Predicate<FullSyncStatus> condition) {
    FullSyncStatus[] last = {null};
    await(
        () -> {
          last[0] = fullSyncStub().state();
          return last[0] != null && condition.test(last[0]);
        },
        () -> "the full sync's last state: " + last[0]);
    return last[0];
  }

  /** The workflow's pending activities, as the server describes them. */
  List<PendingActivityInfo> pendingActivities(WorkflowExecution run) {
    return client
        .getWorkflowServiceStubs()
        .blockingStub()
        .describeWorkflowExecution(
            DescribeWorkflowExecutionRequest.newBuilder()
                .setNamespace(env.getNamespace())
                .setExecution(run)
                .build())
        .getPendingActivitiesList();
  }

  /**
   * Waits (in real time) until the condition holds, for at most ninety seconds (this machine may be
   * loaded).
   */
  static void await(BooleanSupplier condition, Supplier<String> what) {
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met; " + what.get());
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  /** One run's history. */
  WorkflowExecutionHistory history(WorkflowExecution run) {
    return client.fetchHistory(run.getWorkflowId(), run.getRunId());
  }

  /** The app's events in the store, in seq order. */
  List<StoredEvent> events() {
    return store.events(Optional.of(APP), 0, 1000);
  }

  /** The source's checkpoint in the store. */
  Optional<Checkpoint> checkpoint() {
    return checkpoint(SOURCE);
  }

  Optional<Checkpoint> checkpoint(String sourceKey) {
    return store.checkpoint(APP, sourceKey);
  }

  /** Runs statements against the store's database, behind the store's back. */
  void storeSql(String... statements) {
    if (memoryStore == null) {
      storeDb.execute(statements);
      return;
    }
    try (Statement s = memoryStore.createStatement()) {
      for (String sql : statements) {
        s.execute(sql);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Texts that must not appear in a history: the folders of the databases and of the build. */
  List<String> localTexts() {
    List<String> texts = new ArrayList<>();
    texts.add(users.folder().toString());
    texts.add(Path.of(storeDb.jdbcUrl().substring("jdbc:sqlite:".length())).getParent().toString());
    texts.add(System.getProperty("java.io.tmpdir"));
    texts.add(System.getProperty("user.home"));
    texts.add(System.getProperty("user.dir"));
    return texts;
  }

  @Override
  public void close() {
    try (users;
        storeDb;
        source;
        store) {
      env.close();
    } finally {
      if (memoryStore != null) {
        try {
          memoryStore.close();
        } catch (SQLException e) {
          // The last connection gone, the database is gone: nothing to keep.
        }
      }
    }
  }
}
