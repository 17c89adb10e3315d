package dev.sqlfeed.worker.temporal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.temporal.api.workflowservice.v1.DescribeNamespaceRequest;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TLS handshakes and API keys against Temporal's test server behind TLS ({@link
 * TlsTemporalServer}): the server's certificate is checked against the CA given and for the server
 * name given, a client certificate is presented for mutual TLS, and the API key travels as a bearer
 * token but never into a message.
 */
class TemporalSecurityTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(5);
  private static final String KEY = "tk-secret-0123456789";

  @TempDir static Path dir;
  private static TlsTemporalServer.Pem server;
  private static TlsTemporalServer.Pem client;

  @BeforeAll
  static void certificates() throws Exception {
    server = TlsTemporalServer.selfSigned(dir, "server", TlsTemporalServer.NAME);
    client = TlsTemporalServer.selfSigned(dir, "client", "sqlfeed-worker");
  }

  private static TemporalSecurity trusting(Path ca, String serverName) {
    return new TemporalSecurity(false, null, null, ca, serverName, null);
  }

  /** Trusts the test server's certificate under its name, and sends the API key. */
  private TemporalSecurity trustingWithKey() {
    return new TemporalSecurity(
        false, null, null, server.cert(), TlsTemporalServer.NAME, new TemporalSecurity.ApiKey(KEY));
  }

  @Test
  void theServersCertificate_checkedAgainstTheCaAndServerName_connects() throws Exception {
    try (TlsTemporalServer tls = TlsTemporalServer.start(server, null, false);
        TemporalConnection c =
            TemporalConnection.connect(
                tls.target(),
                "default",
                trusting(server.cert(), TlsTemporalServer.NAME),
                TIMEOUT,
                null)) {
      var namespace =
          c.stubs()
              .blockingStub()
              .describeNamespace(
                  DescribeNamespaceRequest.newBuilder().setNamespace("default").build());
      assertThat(namespace.getNamespaceInfo().getName()).isEqualTo("default");
    }
  }

  @Test
  void aCertificateForAnotherName_failsTheHandshake() throws Exception {
    try (TlsTemporalServer tls = TlsTemporalServer.start(server, null, false)) {
      // The certificate names temporal.test, not 127.0.0.1.
      assertThatThrownBy(
              () ->
                  TemporalConnection.connect(
                      tls.target(), "default", trusting(server.cert(), null), TIMEOUT, null))
          .isInstanceOf(TemporalUnavailableException.class)
          .hasMessageContaining("cannot reach Temporal at " + tls.target() + " over TLS");
    }
  }

  @Test
  void aServerTheSystemDoesNotTrust_failsTheHandshake() throws Exception {
    try (TlsTemporalServer tls = TlsTemporalServer.start(server, null, false)) {
      TemporalSecurity systemRoots =
          new TemporalSecurity(true, null, null, null, TlsTemporalServer.NAME, null);
      assertThatThrownBy(
              () -> TemporalConnection.connect(tls.target(), "default", systemRoots, TIMEOUT, null))
          .isInstanceOf(TemporalUnavailableException.class);
    }
  }

  @Test
  void plainGrpc_againstATlsServer_fails() throws Exception {
    try (TlsTemporalServer tls = TlsTemporalServer.start(server, null, false)) {
      assertThatThrownBy(
              () ->
                  TemporalConnection.connect(
                      tls.target(), "default", TemporalSecurity.NONE, TIMEOUT, null))
          .isInstanceOf(TemporalUnavailableException.class);
    }
  }

  @Test
  void mutualTls_connectsWithTheClientCertificate_andFailsWithout() throws Exception {
    try (TlsTemporalServer tls = TlsTemporalServer.start(server, client.cert(), false)) {
      TemporalSecurity withCert =
          new TemporalSecurity(
              false, client.cert(), client.key(), server.cert(), TlsTemporalServer.NAME, null);
      try (TemporalConnection c =
          TemporalConnection.connect(tls.target(), "default", withCert, TIMEOUT, null)) {
        assertThat(c.target()).isEqualTo(tls.target());
      }
      assertThatThrownBy(
              () ->
                  TemporalConnection.connect(
                      tls.target(),
                      "default",
                      trusting(server.cert(), TlsTemporalServer.NAME),
                      TIMEOUT,
                      null))
          .isInstanceOf(TemporalUnavailableException.class);
    }
  }

  @Test
  void theApiKey_goesAsABearerToken() throws Exception {
    try (TlsTemporalServer tls = TlsTemporalServer.start(server, null, false)) {
      TemporalSecurity withKey = trustingWithKey();
      try (TemporalConnection c =
          TemporalConnection.connect(tls.target(), "default", withKey, TIMEOUT, null)) {
        assertThat(c.target()).isEqualTo(tls.target());
      }
      assertThat(tls.authorizations()).isNotEmpty().allMatch(("Bearer " + KEY)::equals);
    }
  }

  @Test
  void aRefusedApiKey_echoedByTheServer_isNotInTheMessage() throws Exception {
    try (TlsTemporalServer tls = TlsTemporalServer.start(server, null, true)) {
      TemporalSecurity withKey = trustingWithKey();
      assertThatThrownBy(
              () -> TemporalConnection.connect(tls.target(), "default", withKey, TIMEOUT, null))
          .isInstanceOf(TemporalUnavailableException.class)
          .hasMessageContaining("***")
          .satisfies(
              e -> {
                for (Throwable t = e; t != null; t = t.getCause()) {
                  assertThat(String.valueOf(t)).doesNotContain(KEY);
                }
              });
      assertThat(tls.authorizations()).contains("Bearer " + KEY);
    }
  }

  @Test
  void theApiKey_isNeverInToString() {
    TemporalSecurity security =
        new TemporalSecurity(false, null, null, null, null, new TemporalSecurity.ApiKey(KEY));
    assertThat(security.toString()).doesNotContain(KEY).contains("***");
    assertThat(security.tlsEnabled()).as("an API key turns TLS on").isTrue();
  }

  @Test
  void aCertificateWithoutItsKey_isRefused() {
    assertThatThrownBy(() -> new TemporalSecurity(false, client.cert(), null, null, null, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("mutual TLS takes both");
  }

  @Test
  void aCaFileThatIsNoCertificate_namesTheFile() {
    TemporalSecurity bad = trusting(client.key(), null);
    assertThatThrownBy(bad::sslContext)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(client.key().toString());
  }
}
