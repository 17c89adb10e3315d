package dev.sqlfeed.worker.temporal;

import com.google.protobuf.Timestamp;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.TaskQueueType;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.api.taskqueue.v1.PollerInfo;
import io.temporal.api.taskqueue.v1.TaskQueue;
import io.temporal.api.workflow.v1.WorkflowExecutionInfo;
import io.temporal.api.workflowservice.v1.DescribeTaskQueueRequest;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.api.workflowservice.v1.WorkflowServiceGrpc;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds out, fast, whether a worker of an app is there to run its full sync: {@code sqlfeed sync}
 * asks before it syncs in process. Nothing listening costs one refused connection (well under a
 * second); a server that answers is asked for the pollers of the task queue (DescribeTaskQueue),
 * and a poller whose identity names the app ({@link TemporalConnection#isWorkerOf}) and that polled
 * recently is a worker. Temporal's embedded test server has no DescribeTaskQueue; there a running
 * workflow of the app on that task queue stands for the worker, since that server lives and dies
 * with the {@code sqlfeed run} that started it.
 */
public final class WorkerProbe {
  private static final Logger LOG = LoggerFactory.getLogger(WorkerProbe.class);
  private static final Duration TCP_TIMEOUT = Duration.ofMillis(300);
  // Only a server that accepted a connection gets these: generous, for a loaded machine.
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
  private static final Duration RPC_DEADLINE = Duration.ofSeconds(10);

  /**
   * A poller seen longer ago than this is taken for a worker that went away (polls last ~1 min).
   */
  static final Duration LIVE_POLLER = Duration.ofMinutes(2);

  private WorkerProbe() {}

  /**
   * A connection to the server where a worker of the app polls the task queue, or empty.
   *
   * @param workflowIds the app's workflow ids, looked at where the server cannot list pollers
   */
  public static Optional<TemporalConnection> find(
      String target, String namespace, String taskQueue, String app, List<String> workflowIds) {
    return find(target, namespace, TemporalSecurity.NONE, taskQueue, app, workflowIds);
  }

  /**
   * A connection, secured as {@code security} says, to the server where a worker of the app polls
   * the task queue, or empty.
   *
   * @param workflowIds the app's workflow ids, looked at where the server cannot list pollers
   */
  public static Optional<TemporalConnection> find(
      String target,
      String namespace,
      TemporalSecurity security,
      String taskQueue,
      String app,
      List<String> workflowIds) {
    if (!listening(target)) {
      LOG.debug("no worker: nothing listens at {}", target);
      return Optional.empty();
    }
    TemporalConnection connection;
    try {
      connection = TemporalConnection.connect(target, namespace, security, CONNECT_TIMEOUT, null);
    } catch (TemporalUnavailableException e) {
      LOG.warn("no worker: {}", e.getMessage());
      return Optional.empty();
    }
    boolean found;
    try {
      found = pollsFor(connection, namespace, taskQueue, app, workflowIds);
    } catch (StatusRuntimeException e) {
      LOG.warn("no worker: Temporal at {} answered {}", target, e.getStatus());
      found = false;
    }
    LOG.debug("{} worker of {} on task queue {} at {}", found ? "a" : "no", app, taskQueue, target);
    if (!found) {
      connection.close();
      return Optional.empty();
    }
    return Optional.of(connection);
  }

  private static boolean pollsFor(
      TemporalConnection connection,
      String namespace,
      String taskQueue,
      String app,
      List<String> workflowIds) {
    WorkflowServiceGrpc.WorkflowServiceBlockingStub stub =
        connection
            .stubs()
            .blockingStub()
            .withDeadlineAfter(RPC_DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
    try {
      List<PollerInfo> pollers =
          stub.describeTaskQueue(
                  DescribeTaskQueueRequest.newBuilder()
                      .setNamespace(namespace)
                      .setTaskQueue(TaskQueue.newBuilder().setName(taskQueue).build())
                      .setTaskQueueType(TaskQueueType.TASK_QUEUE_TYPE_WORKFLOW)
                      .build())
              .getPollersList();
      return hasLiveWorker(pollers, app, Instant.now());
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() != Status.Code.UNIMPLEMENTED) {
        throw e;
      }
      LOG.debug("the server cannot list pollers; looking for a running workflow of {}", app);
    }
    for (String id : workflowIds) {
      if (runsOn(stub, namespace, id, taskQueue)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether a poller of the list is a worker of the app that polled within {@link #LIVE_POLLER}.
   */
  static boolean hasLiveWorker(List<PollerInfo> pollers, String app, Instant now) {
    for (PollerInfo p : pollers) {
      Timestamp t = p.getLastAccessTime();
      Instant seen = Instant.ofEpochSecond(t.getSeconds(), t.getNanos());
      if (TemporalConnection.isWorkerOf(p.getIdentity(), app)
          && seen.isAfter(now.minus(LIVE_POLLER))) {
        return true;
      }
    }
    return false;
  }

  private static boolean runsOn(
      WorkflowServiceGrpc.WorkflowServiceBlockingStub stub,
      String namespace,
      String workflowId,
      String taskQueue) {
    try {
      WorkflowExecutionInfo info =
          stub.describeWorkflowExecution(
                  DescribeWorkflowExecutionRequest.newBuilder()
                      .setNamespace(namespace)
                      .setExecution(WorkflowExecution.newBuilder().setWorkflowId(workflowId))
                      .build())
              .getWorkflowExecutionInfo();
      return info.getStatus() == WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING
          && (info.getTaskQueue().isEmpty() || info.getTaskQueue().equals(taskQueue));
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() == Status.Code.NOT_FOUND) {
        return false;
      }
      throw e;
    }
  }

  /**
   * Whether something accepts connections at {@code HOST:PORT}: the cheap first look, so that a
   * {@code sync} with nothing running does not wait for gRPC's connection timeout.
   */
  static boolean listening(String target) {
    int colon = target.lastIndexOf(':');
    if (colon <= 0) {
      return true;
    }
    String host = target.substring(0, colon);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    int port;
    try {
      port = Integer.parseInt(target.substring(colon + 1));
    } catch (NumberFormatException e) {
      return true;
    }
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), (int) TCP_TIMEOUT.toMillis());
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
