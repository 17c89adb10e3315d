package dev.sqlfeed.worker.temporal;

import io.grpc.ManagedChannel;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.lang.management.ManagementFactory;
import java.time.Duration;

/** A connection to a Temporal server (embedded or a cluster) and a client for one namespace. */
public final class TemporalConnection implements AutoCloseable {
  /** The namespace when none is given; the embedded server has it. */
  public static final String DEFAULT_NAMESPACE = "default";

  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

  /** Between the process part of a worker's identity and its app. */
  private static final String WORKER_MARK = " sqlfeed-worker/";

  private final WorkflowServiceStubs stubs;
  private final WorkflowClient client;
  private final String target;
  private final ManagedChannel ownChannel;

  private TemporalConnection(
      WorkflowServiceStubs stubs, WorkflowClient client, String target, ManagedChannel ownChannel) {
    this.stubs = stubs;
    this.client = client;
    this.target = target;
    this.ownChannel = ownChannel;
  }

  /**
   * Connects to {@code HOST:PORT} and checks that the server answers.
   *
   * @throws TemporalUnavailableException if it does not within a few seconds
   */
  public static TemporalConnection connect(String target, String namespace) {
    return connect(target, namespace, TemporalSecurity.NONE);
  }

  /**
   * Connects to {@code HOST:PORT} with TLS and an API key as {@code security} says, and checks that
   * the server answers.
   *
   * @throws TemporalUnavailableException if it does not within a few seconds
   */
  public static TemporalConnection connect(
      String target, String namespace, TemporalSecurity security) {
    return connect(target, namespace, security, CONNECT_TIMEOUT, null);
  }

  /**
   * Connects as a worker of {@code app}: its identity, which Temporal shows for every poller and in
   * every history, names the app (see {@link #workerIdentity}), so that {@code sqlfeed sync} can
   * tell a worker of its app from one of another app on the same task queue.
   */
  public static TemporalConnection connectWorker(
      String target, String namespace, TemporalSecurity security, String app) {
    return connect(target, namespace, security, CONNECT_TIMEOUT, workerIdentity(app));
  }

  /**
   * Connects as a worker of {@code app} to the embedded server of this process, through its
   * in-process channel: no socket, no HTTP/2 framing, and messages handed over as objects rather
   * than serialised (what each idle poll of many sources spent most of its CPU on). {@link
   * #target()} is still the server's loopback address, which other commands use.
   */
  public static TemporalConnection connectEmbeddedWorker(
      EmbeddedTemporal server, String namespace, String app) {
    ManagedChannel channel = server.inProcessChannel();
    WorkflowServiceStubs stubs;
    try {
      stubs =
          WorkflowServiceStubs.newConnectedServiceStubs(
              WorkflowServiceStubsOptions.newBuilder().setChannel(channel).build(),
              CONNECT_TIMEOUT);
    } catch (RuntimeException e) {
      channel.shutdownNow();
      throw new TemporalUnavailableException(
          "the embedded Temporal server does not answer in this process: " + e.getMessage(), e);
    }
    return new TemporalConnection(
        stubs,
        WorkflowClient.newInstance(stubs, clientOptions(namespace, workerIdentity(app))),
        server.target(),
        channel);
  }

  /**
   * Connects to {@code HOST:PORT} and checks that the server answers within {@code timeout}.
   *
   * @param identity the client's identity; null for Temporal's default ({@code pid@host})
   * @throws TemporalUnavailableException if it does not answer in time
   */
  public static TemporalConnection connect(
      String target, String namespace, Duration timeout, String identity) {
    return connect(target, namespace, TemporalSecurity.NONE, timeout, identity);
  }

  /**
   * Connects to {@code HOST:PORT}, secured as {@code security} says, and checks that the server
   * answers within {@code timeout}.
   *
   * @param identity the client's identity; null for Temporal's default ({@code pid@host})
   * @throws TemporalUnavailableException if it does not answer in time (a failed TLS handshake or a
   *     refused API key included); the message never holds the key
   * @throws IllegalArgumentException if a TLS file cannot be read or used
   */
  public static TemporalConnection connect(
      String target,
      String namespace,
      TemporalSecurity security,
      Duration timeout,
      String identity) {
    WorkflowServiceStubsOptions.Builder stubOptions =
        WorkflowServiceStubsOptions.newBuilder().setTarget(target);
    security.applyTo(stubOptions);
    WorkflowServiceStubs stubs;
    try {
      stubs = WorkflowServiceStubs.newConnectedServiceStubs(stubOptions.build(), timeout);
    } catch (RuntimeException e) {
      throw new TemporalUnavailableException(
          "cannot reach Temporal at "
              + target
              + (security.tlsEnabled() ? " over TLS" : "")
              + ": "
              + redacted(e.getMessage(), security),
          // gRPC's exception may carry what a server echoed, the key included: with a key, it is
          // left out, so that no stack trace in a log can show the key.
          security.apiKey() == null ? e : null);
    }
    return new TemporalConnection(
        stubs, WorkflowClient.newInstance(stubs, clientOptions(namespace, identity)), target, null);
  }

  private static WorkflowClientOptions clientOptions(String namespace, String identity) {
    WorkflowClientOptions.Builder options = WorkflowClientOptions.newBuilder();
    options.setNamespace(namespace);
    if (identity != null) {
      options.setIdentity(identity);
    }
    return options.build();
  }

  /** A message with the API key, should gRPC ever echo it, replaced by {@code ***}. */
  static String redacted(String message, TemporalSecurity security) {
    if (message == null || security.apiKey() == null) {
      return message;
    }
    return message.replace(security.apiKey().value(), "***");
  }

  /** The identity of a worker of {@code app}: Temporal's usual {@code pid@host}, then the app. */
  public static String workerIdentity(String app) {
    return ManagementFactory.getRuntimeMXBean().getName() + WORKER_MARK + app;
  }

  /** Whether a poller's identity is that of a worker of {@code app}. */
  public static boolean isWorkerOf(String identity, String app) {
    return identity != null && identity.endsWith(WORKER_MARK + app);
  }

  public WorkflowServiceStubs stubs() {
    return stubs;
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
    if (ownChannel != null) {
      // Stubs made over a given channel leave it open.
      ownChannel.shutdown();
      try {
        ownChannel.awaitTermination(5, java.util.concurrent.TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      ownChannel.shutdownNow();
    }
  }
}
