package dev.sqlfeed.worker.temporal;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import io.grpc.TlsServerCredentials;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.temporal.internal.testservice.GRPCServerHelper;
import io.temporal.internal.testservice.TestServicesStarter;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * Temporal's test server behind TLS on 127.0.0.1, for tests of {@link TemporalSecurity}: with a
 * certificate made by the JDK's {@code keytool} for the name {@value #NAME} only (not for
 * 127.0.0.1), optionally asking for a client certificate, and recording the {@code authorization}
 * header of every call. With {@code rejectKeys} it refuses every call that carries one, echoing the
 * header in its error, as a careless server might: what the client prints must still hide the key.
 */
public final class TlsTemporalServer implements AutoCloseable {
  /** The only name in the server's certificate. */
  public static final String NAME = "temporal.test";

  private static final Metadata.Key<String> AUTHORIZATION =
      Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

  private final TestServicesStarter services;
  private final Server server;
  private final List<String> authorizations;

  private TlsTemporalServer(
      TestServicesStarter services, Server server, List<String> authorizations) {
    this.services = services;
    this.server = server;
    this.authorizations = authorizations;
  }

  /** A certificate and its key as PEM files. */
  public record Pem(Path cert, Path key) {}

  /**
   * Makes a self-signed certificate for {@code name} (a DNS name in its subject alternative names)
   * with {@code keytool}, and writes it and its PKCS #8 key as PEM files in {@code dir}.
   */
  public static Pem selfSigned(Path dir, String alias, String name) throws Exception {
    Path store = dir.resolve(alias + ".p12");
    Process keytool =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair",
                "-alias",
                alias,
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-dname",
                "CN=" + name,
                "-ext",
                "SAN=dns:" + name,
                "-validity",
                "2",
                "-storetype",
                "PKCS12",
                "-keystore",
                store.toString(),
                "-storepass",
                "changeit")
            .redirectErrorStream(true)
            .start();
    String output = new String(keytool.getInputStream().readAllBytes());
    assertThat(keytool.waitFor()).as(output).isZero();
    KeyStore keys = KeyStore.getInstance("PKCS12");
    try (var in = Files.newInputStream(store)) {
      keys.load(in, "changeit".toCharArray());
    }
    PrivateKey key = (PrivateKey) keys.getKey(alias, "changeit".toCharArray());
    Path cert = dir.resolve(alias + ".crt.pem");
    Path keyFile = dir.resolve(alias + ".key.pem");
    Files.writeString(cert, pem("CERTIFICATE", keys.getCertificate(alias).getEncoded()));
    Files.writeString(keyFile, pem("PRIVATE KEY", key.getEncoded()));
    return new Pem(cert, keyFile);
  }

  private static String pem(String type, byte[] der) {
    return "-----BEGIN "
        + type
        + "-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
        + "\n-----END "
        + type
        + "-----\n";
  }

  /**
   * Starts the server on a free loopback port.
   *
   * @param clients the certificate clients must present (mutual TLS); null for none asked
   * @param rejectKeys whether a call with an {@code authorization} header is refused
   */
  public static TlsTemporalServer start(Pem identity, Path clients, boolean rejectKeys)
      throws IOException {
    TlsServerCredentials.Builder tls =
        TlsServerCredentials.newBuilder()
            .keyManager(identity.cert().toFile(), identity.key().toFile());
    if (clients != null) {
      tls.trustManager(clients.toFile()).clientAuth(TlsServerCredentials.ClientAuth.REQUIRE);
    }
    List<String> authorizations = new CopyOnWriteArrayList<>();
    TestServicesStarter services = new TestServicesStarter(true, 0);
    NettyServerBuilder builder =
        NettyServerBuilder.forAddress(
            new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), tls.build());
    GRPCServerHelper.registerServicesAndHealthChecks(services.getServices(), builder);
    builder.intercept(
        new ServerInterceptor() {
          @Override
          public <Q, R> ServerCall.Listener<Q> interceptCall(
              ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
            String authorization = headers.get(AUTHORIZATION);
            if (authorization != null) {
              authorizations.add(authorization);
              if (rejectKeys) {
                call.close(
                    Status.UNAUTHENTICATED.withDescription("unknown key: " + authorization),
                    new Metadata());
                return new ServerCall.Listener<>() {};
              }
            }
            return next.startCall(call, headers);
          }
        });
    return new TlsTemporalServer(services, builder.build().start(), authorizations);
  }

  /** {@code 127.0.0.1:<port>}: an address the certificate does not name. */
  public String target() {
    return "127.0.0.1:" + server.getPort();
  }

  /** The {@code authorization} headers of the calls so far. */
  public List<String> authorizations() {
    return List.copyOf(authorizations);
  }

  @Override
  public void close() throws InterruptedException {
    server.shutdownNow();
    server.awaitTermination(5, TimeUnit.SECONDS);
    services.close();
  }
}
