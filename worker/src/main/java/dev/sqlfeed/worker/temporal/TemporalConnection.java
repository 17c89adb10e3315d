package dev.sqlfeed.worker.temporal;

import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.time.Duration;

/** A connection to a Temporal server (embedded or a cluster) and a client for one namespace. */
public final class TemporalConnection implements AutoCloseable {
  /** The namespace when none is given; the embedded server has it. */
  public static final String DEFAULT_NAMESPACE = "default";

  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

  private final WorkflowServiceStubs stubs;
  private final WorkflowClient client;
  private final String target;

  private TemporalConnection(WorkflowServiceStubs stubs, WorkflowClient client, String target) {
    this.stubs = stubs;
    this.client = client;
    this.target = target;
  }

  /**
   * Connects to {@code HOST:PORT} and checks that the server answers.
   *
   * @throws TemporalUnavailableException if it does not within a few seconds
   */
  public static TemporalConnection connect(String target, String namespace) {
    WorkflowServiceStubs stubs;
    try {
      stubs =
          WorkflowServiceStubs.newConnectedServiceStubs(
              WorkflowServiceStubsOptions.newBuilder().setTarget(target).build(), CONNECT_TIMEOUT);
    } catch (RuntimeException e) {
      throw new TemporalUnavailableException(
          "cannot reach Temporal at " + target + ": " + e.getMessage(), e);
    }
    WorkflowClient client =
        WorkflowClient.newInstance(
            stubs, WorkflowClientOptions.newBuilder().setNamespace(namespace).build());
    return new TemporalConnection(stubs, client, target);
  }

  public WorkflowClient client() {
    return client;
  }

  public String target() {
    return target;
  }

  @Override
  public void close() {
    stubs.shutdown();
    stubs.awaitTermination(5, java.util.concurrent.TimeUnit.SECONDS);
  }
}
