package dev.sqlfeed.worker.temporal;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityOptions;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The embedded server's timer keeps a bounded lock log, however many tasks it has run; its own
 * process's worker reaches it in-process, the other commands on its loopback port.
 */
class EmbeddedTemporalTest {
  private static final String QUEUE = "timer-lock-log";

  /**
   * Sleeps a millisecond {@code times} times: each sleep's workflow task leaves two entries (its
   * lock and unlock) that the server's own log would keep for ever.
   */
  @WorkflowInterface
  public interface Sleeper {
    @WorkflowMethod
    int sleep(int times);
  }

  public static class SleeperImpl implements Sleeper {
    @Override
    public int sleep(int times) {
      for (int i = 0; i < times; i++) {
        Workflow.sleep(Duration.ofMillis(1));
      }
      return times;
    }
  }

  /** Echoes its argument: an activity task and nothing else. */
  @ActivityInterface
  public interface Echo {
    int echo(int x);
  }

  public static class EchoImpl implements Echo {
    @Override
    public int echo(int x) {
      return x;
    }
  }

  /** Runs {@code times} activity tasks, one after another. */
  @WorkflowInterface
  public interface Caller {
    @WorkflowMethod
    int call(int times);
  }

  public static class CallerImpl implements Caller {
    private final Echo echo =
        Workflow.newActivityStub(
            Echo.class,
            ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofSeconds(30)).build());

    @Override
    public int call(int times) {
      int sum = 0;
      for (int i = 1; i <= times; i++) {
        sum += echo.echo(i);
      }
      return sum;
    }
  }

  @Test
  void theTimersLockLogStaysBoundedOverManyTasks() throws Exception {
    try (EmbeddedTemporal server = EmbeddedTemporal.start(FeedRunnerTest.freePort())) {
      WorkflowServiceStubs stubs =
          WorkflowServiceStubs.newServiceStubs(
              WorkflowServiceStubsOptions.newBuilder().setTarget(server.target()).build());
      WorkerFactory factory = WorkerFactory.newInstance(WorkflowClient.newInstance(stubs));
      try {
        Worker worker = factory.newWorker(QUEUE);
        worker.registerWorkflowImplementationTypes(SleeperImpl.class);
        factory.start();
        Sleeper sleeper =
            factory
                .getWorkflowClient()
                .newWorkflowStub(
                    Sleeper.class, WorkflowOptions.newBuilder().setTaskQueue(QUEUE).build());

        int sleeps = TimerLockLog.KEPT * 6 / 10;
        assertThat(sleeper.sleep(sleeps)).isEqualTo(sleeps);

        assertThat(server.timerLockEntries()).isBetween(1, TimerLockLog.KEPT);
      } finally {
        factory.shutdownNow();
        stubs.shutdownNow();
      }
    }
  }

  @Test
  void aWorkerOnTheInProcessChannel_runsWhatAClientOnTheLoopbackPortStarts() throws Exception {
    try (EmbeddedTemporal server = EmbeddedTemporal.start(FeedRunnerTest.freePort());
        TemporalConnection worker =
            TemporalConnection.connectEmbeddedWorker(server, "default", "acme");
        TemporalConnection client = TemporalConnection.connect(server.target(), "default")) {
      assertThat(worker.target()).isEqualTo(server.target());
      WorkerFactory factory = WorkerFactory.newInstance(worker.client());
      try {
        factory.newWorker(QUEUE).registerWorkflowImplementationTypes(SleeperImpl.class);
        factory.start();
        Sleeper sleeper =
            client
                .client()
                .newWorkflowStub(
                    Sleeper.class, WorkflowOptions.newBuilder().setTaskQueue(QUEUE).build());

        assertThat(sleeper.sleep(3)).isEqualTo(3);
      } finally {
        factory.shutdownNow();
        factory.awaitTermination(5, java.util.concurrent.TimeUnit.SECONDS);
      }
    }
  }

  @Test
  void closingTheInProcessConnection_closesItsChannel() throws Exception {
    try (EmbeddedTemporal server = EmbeddedTemporal.start(FeedRunnerTest.freePort())) {
      TemporalConnection worker = TemporalConnection.connectEmbeddedWorker(server, "default", "a");
      io.grpc.ManagedChannel channel = worker.stubs().getRawChannel();
      worker.close();
      assertThat(channel).isNotNull();
      assertThat(channel.isShutdown()).isTrue();
    }
  }

  @Test
  void activityTasks_areCounted_whicheverWorkerRanThem_onEitherTransport() throws Exception {
    List<WorkerFactory> factories = new ArrayList<>();
    try (EmbeddedTemporal server = EmbeddedTemporal.start(FeedRunnerTest.freePort());
        TemporalConnection own = TemporalConnection.connectEmbeddedWorker(server, "default", "a");
        TemporalConnection attached = TemporalConnection.connect(server.target(), "default")) {
      try {
        assertThat(server.activityTasksDone()).isZero();

        assertThat(callerOn(attached, "attached", factories).call(3)).isEqualTo(6);
        assertThat(server.activityTasksDone()).as("an attached worker's, on the port").isEqualTo(3);

        assertThat(callerOn(own, "own", factories).call(2)).isEqualTo(3);
        assertThat(server.activityTasksDone()).as("its own process's, in-process").isEqualTo(5);
      } finally {
        for (WorkerFactory f : factories) {
          f.shutdownNow();
          f.awaitTermination(5, TimeUnit.SECONDS);
        }
      }
    }
  }

  /**
   * A started worker for {@link Caller} and {@link Echo} on {@code connection} and its own task
   * queue (its factory added to {@code factories}), and a stub to start the workflow there.
   */
  private static Caller callerOn(
      TemporalConnection connection, String queue, List<WorkerFactory> factories) {
    WorkerFactory factory = WorkerFactory.newInstance(connection.client());
    factories.add(factory);
    Worker worker = factory.newWorker(queue);
    worker.registerWorkflowImplementationTypes(CallerImpl.class);
    worker.registerActivitiesImplementations(new EchoImpl());
    factory.start();
    return connection
        .client()
        .newWorkflowStub(Caller.class, WorkflowOptions.newBuilder().setTaskQueue(queue).build());
  }
}
