package dev.sqlfeed.worker.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The fault proxy itself, against an echo server on loopback. */
class FaultProxyTest {
  private ServerSocket echo;
  private FaultProxy proxy;

  @BeforeEach
  void echoServer() throws IOException {
    echo = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread t =
        new Thread(
            () -> {
              while (!echo.isClosed()) {
                try {
                  Socket s = echo.accept();
                  Thread e = new Thread(() -> echoAll(s));
                  e.setDaemon(true);
                  e.start();
                } catch (IOException closed) {
                  return;
                }
              }
            });
    t.setDaemon(true);
    t.start();
    proxy = FaultProxy.to("127.0.0.1", echo.getLocalPort());
  }

  @AfterEach
  void close() throws IOException {
    proxy.close();
    echo.close();
  }

  @Test
  void pass_forwardsBothWays() throws IOException {
    try (Socket s = connect()) {
      assertThat(roundTrip(s, "hello")).isEqualTo("hello");
    }
    assertThat(proxy.forwarded()).isEqualTo(10);
  }

  @Test
  void dropAll_breaksOpenConnections_andLetsNewOnesThrough() throws IOException {
    try (Socket s = connect()) {
      assertThat(roundTrip(s, "one")).isEqualTo("one");
      proxy.dropAll();
      assertThatThrownBy(() -> roundTrip(s, "two")).isInstanceOf(IOException.class);
    }
    assertThat(proxy.dropped()).isEqualTo(1);
    try (Socket s = connect()) {
      assertThat(roundTrip(s, "three")).isEqualTo("three");
    }
  }

  @Test
  void dropAfter_breaksTheLinkOnceThatManyBytesFlowed() throws IOException {
    try (Socket s = connect()) {
      assertThat(roundTrip(s, "12345")).isEqualTo("12345");
      proxy.dropAfter(3);
      assertThatThrownBy(() -> roundTrip(s, "abcdef")).isInstanceOf(IOException.class);
    }
    assertThat(proxy.dropped()).isEqualTo(1);
  }

  @Test
  void stall_holdsBytesUntilPass() throws IOException {
    try (Socket s = connect()) {
      proxy.stall();
      s.setSoTimeout(300);
      s.getOutputStream().write("held".getBytes(StandardCharsets.UTF_8));
      assertThatThrownBy(() -> s.getInputStream().read())
          .isInstanceOf(SocketTimeoutException.class);
      proxy.pass();
      s.setSoTimeout(5_000);
      byte[] back = new byte[4];
      new DataInputStream(s.getInputStream()).readFully(back);
      assertThat(new String(back, StandardCharsets.UTF_8)).isEqualTo("held");
    }
  }

  @Test
  void refuse_closesNewConnectionsUntilPass() throws IOException {
    proxy.refuse();
    try (Socket s = connect()) {
      assertThat(s.getInputStream().read()).isEqualTo(-1);
    }
    proxy.pass();
    try (Socket s = connect()) {
      assertThat(roundTrip(s, "back")).isEqualTo("back");
    }
  }

  @Test
  void to_refusesAnAddressOffThisMachine() {
    assertThatThrownBy(() -> FaultProxy.to("192.0.2.1", 5432))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("loopback");
  }

  private Socket connect() throws IOException {
    Socket s = new Socket(InetAddress.getLoopbackAddress(), proxy.port());
    s.setSoTimeout(5_000);
    return s;
  }

  private static String roundTrip(Socket s, String text) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    OutputStream out = s.getOutputStream();
    out.write(bytes);
    out.flush();
    byte[] back = new byte[bytes.length];
    InputStream in = s.getInputStream();
    int read = 0;
    while (read < back.length) {
      int n = in.read(back, read, back.length - read);
      if (n < 0) {
        throw new IOException("closed after " + read + " bytes");
      }
      read += n;
    }
    return new String(back, StandardCharsets.UTF_8);
  }

  private static void echoAll(Socket s) {
    try (s;
        InputStream in = s.getInputStream();
        OutputStream out = s.getOutputStream()) {
      in.transferTo(out);
    } catch (IOException ignored) {
      // The client or the proxy went away.
    }
  }
}
