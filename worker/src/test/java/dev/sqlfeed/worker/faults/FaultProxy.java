package dev.sqlfeed.worker.faults;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A TCP proxy for tests that sits between sqlfeed and a database on this machine and breaks the
 * link on command: it can drop every open connection, drop them once a given number of bytes has
 * flowed (a seeded point in the middle of a page or a transaction), stall (hold every byte in both
 * directions until told to pass again) and refuse (close each new connection at once). It listens
 * on 127.0.0.1 only and forwards to one address on this machine.
 *
 * <p>Written for the fault suite: one thread per direction of each connection, which is plenty for
 * the handful of pooled connections sqlfeed opens.
 */
public final class FaultProxy implements AutoCloseable {
  /** What the proxy does with traffic. */
  public enum Mode {
    PASS,
    STALL,
    REFUSE
  }

  private static final int BUFFER = 16 * 1024;

  private final InetSocketAddress target;
  private final ServerSocket listener;
  private final List<Link> links = new CopyOnWriteArrayList<>();
  private final AtomicReference<Mode> mode = new AtomicReference<>(Mode.PASS);
  private final AtomicLong dropAfter = new AtomicLong(-1);
  private final AtomicLong forwarded = new AtomicLong();
  private final AtomicLong dropped = new AtomicLong();
  private final Object gate = new Object();
  private final Thread acceptor;
  private volatile boolean closed;

  private FaultProxy(InetSocketAddress target) throws IOException {
    this.target = target;
    this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    this.acceptor = new Thread(this::accept, "fault-proxy-accept-" + listener.getLocalPort());
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** Starts a proxy to {@code host:port}, which must be an address on this machine. */
  public static FaultProxy to(String host, int port) {
    InetSocketAddress target = new InetSocketAddress(host, port);
    if (!target.getAddress().isLoopbackAddress()) {
      throw new IllegalArgumentException("the fault proxy forwards to loopback only: " + target);
    }
    try {
      return new FaultProxy(target);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The port it listens on, on 127.0.0.1. */
  public int port() {
    return listener.getLocalPort();
  }

  /** Lets traffic through again (after a stall the held bytes flow on) and accepts connections. */
  public void pass() {
    setMode(Mode.PASS);
  }

  /** Holds every byte in both directions, on open and new connections, until {@link #pass}. */
  public void stall() {
    setMode(Mode.STALL);
  }

  /** Drops every open connection and closes every new one at once, until {@link #pass}. */
  public void refuse() {
    setMode(Mode.REFUSE);
    dropAll();
  }

  /** Drops every open connection now; new ones are handled by the current mode. */
  public void dropAll() {
    for (Link link : links) {
      link.close(true);
    }
  }

  /**
   * Drops every open connection once {@code bytes} more bytes have been forwarded, in either
   * direction: a point in the middle of whatever the connections are doing then.
   */
  public void dropAfter(long bytes) {
    if (bytes < 0) {
      throw new IllegalArgumentException("bytes must not be negative: " + bytes);
    }
    dropAfter.set(forwarded.get() + bytes);
  }

  /** How many bytes were forwarded so far, both directions. */
  public long forwarded() {
    return forwarded.get();
  }

  /** How many connections were dropped by a fault (not closed by either end). */
  public long dropped() {
    return dropped.get();
  }

  /** The current mode. */
  public Mode mode() {
    return mode.get();
  }

  private void setMode(Mode next) {
    synchronized (gate) {
      mode.set(next);
      gate.notifyAll();
    }
  }

  private void accept() {
    while (!closed) {
      Socket client;
      try {
        client = listener.accept();
      } catch (IOException e) {
        return; // closed
      }
      if (mode.get() == Mode.REFUSE) {
        quietly(client);
        dropped.incrementAndGet();
        continue;
      }
      Socket server = new Socket();
      try {
        server.connect(target, 5_000);
      } catch (IOException e) {
        quietly(client);
        quietly(server);
        continue;
      }
      Link link = new Link(client, server);
      links.add(link);
      link.start();
    }
  }

  /** Blocks while stalled; returns false when the link should end. */
  private boolean awaitPass(Link link) {
    synchronized (gate) {
      while (mode.get() == Mode.STALL && !link.closed && !closed) {
        try {
          gate.wait(100);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return false;
        }
      }
    }
    return !link.closed && !closed && mode.get() != Mode.REFUSE;
  }

  @Override
  public void close() {
    closed = true;
    quietly(listener);
    dropAll();
    synchronized (gate) {
      gate.notifyAll();
    }
  }

  private static void quietly(AutoCloseable c) {
    try {
      c.close();
    } catch (Exception ignored) {
      // Closing a broken socket may fail; it is closed either way.
    }
  }

  /** One proxied connection: a pump thread each way. */
  private final class Link {
    private final Socket client;
    private final Socket server;
    private volatile boolean closed;

    Link(Socket client, Socket server) {
      this.client = client;
      this.server = server;
    }

    void start() {
      pump(client, server, "up");
      pump(server, client, "down");
    }

    private void pump(Socket from, Socket to, String direction) {
      Thread t =
          new Thread(
              () -> {
                byte[] buffer = new byte[BUFFER];
                try (InputStream in = from.getInputStream();
                    OutputStream out = to.getOutputStream()) {
                  int n;
                  while ((n = in.read(buffer)) >= 0) {
                    if (!awaitPass(this)) {
                      break;
                    }
                    // A drop that falls inside this chunk forwards only the bytes up to it, then
                    // breaks the links: the rest never reaches the other end, so no answer to it
                    // can come back before the drop. Counted before the bytes reach the other end,
                    // so that whoever reads them can rely on the count.
                    long limit = dropAfter.get();
                    long before = forwarded.get();
                    boolean drop = limit >= 0 && before + n >= limit;
                    int send = drop ? (int) Math.max(0, Math.min(n, limit - before)) : n;
                    forwarded.addAndGet(send);
                    out.write(buffer, 0, send);
                    out.flush();
                    if (drop && dropAfter.compareAndSet(limit, -1)) {
                      dropAll();
                      break;
                    }
                  }
                } catch (SocketException e) {
                  // The other side, or a fault, closed the connection.
                } catch (IOException e) {
                  // Likewise: a broken link ends the pump.
                } finally {
                  close(false);
                  links.remove(this);
                }
              },
              "fault-proxy-" + direction + "-" + from.getPort());
      t.setDaemon(true);
      t.start();
    }

    /** Closes both sockets; {@code fault} when the proxy, not an end, breaks the link. */
    void close(boolean fault) {
      if (!closed) {
        closed = true;
        if (fault) {
          dropped.incrementAndGet();
        }
      }
      quietly(client);
      quietly(server);
    }
  }
}
