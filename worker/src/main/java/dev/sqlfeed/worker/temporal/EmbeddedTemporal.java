package dev.sqlfeed.worker.temporal;

import io.grpc.InsecureServerCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.temporal.internal.testservice.GRPCServerHelper;
import io.temporal.internal.testservice.TestServicesStarter;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Temporal's in-process test server (from {@code temporal-testing}), in real time, on a loopback
 * port: the embedded default of {@code sqlfeed run}. While it runs, {@code sqlfeed status}, {@code
 * history} and Temporal's own tools can attach to {@link #target()}.
 *
 * <p>{@code TestServer.createPortBoundServer} listens on every interface, which would let anyone on
 * the network signal or terminate the workflows; this class binds the same services to 127.0.0.1
 * only. It keeps every closed run in memory, which is why {@link FeedRunner} recycles it, and its
 * timer's debugging log of locks would make every task slower than the last, which is why {@link
 * TimerLockLog} bounds it.
 */
public final class EmbeddedTemporal implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedTemporal.class);

  /** Temporal's usual port. */
  public static final int DEFAULT_PORT = 7233;

  /** Numbers the in-process names, unique within the JVM even for one port reused. */
  private static final AtomicLong NAMES = new AtomicLong();

  private final TestServicesStarter services;
  private final Server server;
  private final int port;
  private final Server inProcess;
  private final String inProcessName;
  private final ActivityTaskCounter activityTasks;

  private EmbeddedTemporal(
      TestServicesStarter services,
      Server server,
      int port,
      Server inProcess,
      String name,
      ActivityTaskCounter activityTasks) {
    this.services = services;
    this.server = server;
    this.port = port;
    this.inProcess = inProcess;
    this.inProcessName = name;
    this.activityTasks = activityTasks;
  }

  /** Starts a server on 127.0.0.1 at {@code port}; time runs as on the wall clock. */
  public static EmbeddedTemporal start(int port) {
    // true: time skipping locked, so timers take as long as they say.
    TestServicesStarter services = new TestServicesStarter(true, 0);
    if (!TimerLockLog.install(services)) {
      LOG.warn(
          "the embedded Temporal server's timer is not shaped as this sqlfeed expects; it runs as"
              + " it comes, and an idle worker's CPU grows with its uptime until the server is"
              + " recycled");
    }
    // The same services twice: on the loopback port, and in-process for this process's own worker
    // (see inProcessChannel). An in-process server starts without I/O.
    String name = "sqlfeed-embedded-temporal-" + port + "-" + NAMES.incrementAndGet();
    ActivityTaskCounter activityTasks = new ActivityTaskCounter();
    InProcessServerBuilder inProcessBuilder = InProcessServerBuilder.forName(name);
    inProcessBuilder.intercept(activityTasks);
    GRPCServerHelper.registerServicesAndHealthChecks(services.getServices(), inProcessBuilder);
    Server inProcess = null;
    try {
      inProcess = inProcessBuilder.build().start();
      NettyServerBuilder builder =
          NettyServerBuilder.forAddress(
              new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port),
              InsecureServerCredentials.create());
      builder.intercept(activityTasks);
      GRPCServerHelper.registerServicesAndHealthChecks(services.getServices(), builder);
      return new EmbeddedTemporal(
          services, builder.build().start(), port, inProcess, name, activityTasks);
    } catch (IOException e) {
      if (inProcess != null) {
        inProcess.shutdownNow();
      }
      services.close();
      throw new TemporalUnavailableException(
          "the embedded Temporal server cannot listen on 127.0.0.1:"
              + port
              + " ("
              + e.getMessage()
              + "); is another 'sqlfeed run' running? Use --embedded-port, or --temporal to use"
              + " a running server",
          e);
    }
  }

  /**
   * A new channel to this server within the process, for its own worker: the same services as at
   * {@link #target()}, without the network. A profile of 200 idle sources had more than half its
   * samples in gRPC's Netty transport and protobuf; in-process, gRPC hands the messages over as
   * they are. The caller closes the channel.
   */
  public ManagedChannel inProcessChannel() {
    return InProcessChannelBuilder.forName(inProcessName).build();
  }

  /**
   * Activity tasks reported done to this server so far, by any worker, on either transport: the
   * measure of how much history it holds.
   */
  public long activityTasksDone() {
    return activityTasks.done();
  }

  /** The address to connect to: {@code 127.0.0.1:<port>}. */
  public String target() {
    return "127.0.0.1:" + port;
  }

  public int port() {
    return port;
  }

  /** The entries the server's timer keeps in its lock log now (-1: cannot be read); for tests. */
  int timerLockEntries() {
    return TimerLockLog.entries(services);
  }

  @Override
  public void close() {
    inProcess.shutdown();
    server.shutdown();
    try {
      server.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    services.close();
    server.shutdownNow();
    inProcess.shutdownNow();
  }
}
