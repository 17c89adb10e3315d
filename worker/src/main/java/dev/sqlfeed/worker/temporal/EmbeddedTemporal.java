package dev.sqlfeed.worker.temporal;

import io.grpc.InsecureServerCredentials;
import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.temporal.internal.testservice.GRPCServerHelper;
import io.temporal.internal.testservice.TestServicesStarter;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
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

  private final TestServicesStarter services;
  private final Server server;
  private final int port;

  private EmbeddedTemporal(TestServicesStarter services, Server server, int port) {
    this.services = services;
    this.server = server;
    this.port = port;
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
    try {
      NettyServerBuilder builder =
          NettyServerBuilder.forAddress(
              new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port),
              InsecureServerCredentials.create());
      GRPCServerHelper.registerServicesAndHealthChecks(services.getServices(), builder);
      return new EmbeddedTemporal(services, builder.build().start(), port);
    } catch (IOException e) {
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
    server.shutdown();
    try {
      server.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    services.close();
    server.shutdownNow();
  }
}
