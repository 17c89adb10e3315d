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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * A source workflow as {@code sqlfeed run} runs it, in Temporal's time-skipping test environment:
 * {@link SourceWorkflowImpl} with the real page activities that {@link Wiring} builds, reading an
 * SQLite source database and writing an SQLite store, both created for the test. Time moves on its
 * own only while a test blocks on a result or sleeps; the test server holds it while an activity
 * runs, so a page never times out because time jumped.
 */
final class SqliteFeedEnvironment implements AutoCloseable {
  static final String QUEUE = "sqlfeed";
  static final String APP = "acme";
  static final String SOURCE = "user";
  static final Duration POLL = Duration.ofSeconds(30);

  /** The source database, for the scenarios' rows. */
  final UsersDatabase users = new UsersDatabase();

  private final TestDatabase storeDb = TestDatabases.create(TestDatabase.Kind.SQLITE);
  private final Config config;
  private final SourceReader source;
  private final SyncStore store;
  final TestWorkflowEnvironment env;
  final WorkflowClient client;

  SqliteFeedEnvironment() {
    config = ConfigLoader.withEnvironment(Map.of()).load("app.yml", users.config()).config();
    source = Wiring.source(config, Map.of());
    store = Wiring.store(storeDb.jdbcUrl(), Map.of());
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
    worker.registerWorkflowImplementationTypes(SourceWorkflowImpl.class);
    worker.registerActivitiesImplementations(Wiring.feedActivities(config, source, store));
    env.start();
    client = env.getWorkflowClient();
  }

  /** The source's pacing as {@code sqlfeed run} derives it from the config. */
  SourceSettings settings() {
    return SourcePacing.of(config).get(0).settings();
  }

  /** The config's pacing with other run bounds, for the continue-as-new scenarios. */
  SourceSettings settings(int cyclesPerRun, int pagesPerRun) {
    SourceSettings s = settings();
    return new SourceSettings(s.pollIntervalMillis(), s.pageSize(), cyclesPerRun, pagesPerRun);
  }

  /** Starts the source's workflow and returns its first run. */
  WorkflowExecution start(SourceSettings settings, boolean once) {
    SourceWorkflows.Start start =
        SourceWorkflows.startOrAttach(
            client, QUEUE, new SourceInput(APP, SOURCE, settings, once, null));
    return WorkflowExecution.newBuilder()
        .setWorkflowId(start.workflowId())
        .setRunId(start.runId())
        .build();
  }

  SourceWorkflow stub() {
    return SourceWorkflows.attach(client, APP, SOURCE);
  }

  /** The workflow's result, following continue-as-new; time skips while this waits. */
  SourceState result() {
    return WorkflowStub.fromTyped(stub()).getResult(SourceState.class);
  }

  /** Queries the state until it satisfies the condition; time does not skip meanwhile. */
  SourceStatus awaitStatus(Predicate<SourceStatus> condition) {
    SourceStatus[] last = {null};
    await(
        () -> {
          last[0] = stub().state();
          return last[0] != null && condition.test(last[0]);
        },
        () -> "last state: " + last[0]);
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
    return store.checkpoint(APP, SOURCE);
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
    }
  }
}
