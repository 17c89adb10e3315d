package dev.sqlfeed.worker.temporal;

import io.grpc.netty.shaded.io.netty.handler.ssl.SslContext;
import io.temporal.serviceclient.SimpleSslContextBuilder;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

/**
 * How a connection to a Temporal cluster is secured: TLS, with the server checked against the
 * system's trusted roots or {@code ca}, a client certificate for mutual TLS, the name the server's
 * certificate must carry, and an API key (Temporal Cloud). Any of them turns TLS on: Temporal Cloud
 * takes API keys over TLS only. Applied through the SDK's own options ({@link
 * SimpleSslContextBuilder}, {@code addApiKey}).
 *
 * @param tls TLS even when nothing else asks for it (the server checked against the system's roots)
 * @param clientCert PEM certificate chain for mutual TLS; null for none (then {@code clientKey}
 *     too)
 * @param clientKey PEM private key (PKCS #8) of {@code clientCert}
 * @param ca PEM certificates to trust instead of the system's roots; null for the system's
 * @param serverName the name to check the server's certificate for (and send as SNI) instead of the
 *     host of the address; null for the host
 * @param apiKey the API key, sent as a bearer token with every call; null for none
 */
public record TemporalSecurity(
    boolean tls, Path clientCert, Path clientKey, Path ca, String serverName, ApiKey apiKey) {
  /** A plain connection: no TLS, no key. */
  public static final TemporalSecurity NONE =
      new TemporalSecurity(false, null, null, null, null, null);

  public TemporalSecurity {
    if ((clientCert == null) != (clientKey == null)) {
      throw new IllegalArgumentException(
          "a client certificate needs its key and a key its certificate (mutual TLS takes both)");
    }
    if (serverName != null && serverName.isBlank()) {
      throw new IllegalArgumentException("the server name must not be blank");
    }
  }

  /** Whether the connection uses TLS. */
  public boolean tlsEnabled() {
    return tls || clientCert != null || ca != null || serverName != null || apiKey != null;
  }

  /**
   * Sets TLS and the API key on the options being built.
   *
   * @throws IllegalArgumentException if a certificate, key or CA file cannot be read or used
   */
  void applyTo(WorkflowServiceStubsOptions.Builder options) {
    if (clientCert != null || ca != null) {
      options.setSslContext(sslContext());
    } else if (tlsEnabled()) {
      // The SDK's TLS with the JDK's trusted roots.
      options.setEnableHttps(true);
    }
    if (serverName != null) {
      // The authority is what gRPC checks the certificate against and sends as SNI.
      options.setChannelInitializer(channel -> channel.overrideAuthority(serverName));
    }
    if (apiKey != null) {
      options.addApiKey(apiKey::value);
    }
  }

  /**
   * The TLS context for a client certificate or a CA of one's own; reads the files.
   *
   * @throws IllegalArgumentException naming the file that cannot be read or used
   */
  public SslContext sslContext() {
    SimpleSslContextBuilder builder;
    if (clientCert != null) {
      // The builder reads its streams only in build(): in memory, they need no closing.
      builder =
          SimpleSslContextBuilder.forPKCS8(
              new ByteArrayInputStream(read(clientCert, "client certificate")),
              new ByteArrayInputStream(read(clientKey, "client key")));
    } else {
      builder = SimpleSslContextBuilder.noKeyOrCertChain();
    }
    if (ca != null) {
      builder.setTrustManager(trustManager(ca));
    }
    try {
      return builder.build();
    } catch (IOException | RuntimeException e) {
      // Netty reads the PEM files only here: a file that is no certificate or key fails now.
      throw new IllegalArgumentException(
          (clientCert == null ? ca : clientCert + " or " + clientKey)
              + ": not a usable PEM certificate and PKCS #8 key: "
              + e.getMessage(),
          e);
    }
  }

  private static byte[] read(Path file, String what) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "the " + what + " " + file + " cannot be read (" + e.getClass().getSimpleName() + ")", e);
    }
  }

  private static TrustManager trustManager(Path ca) {
    try (InputStream in = new ByteArrayInputStream(read(ca, "CA file"))) {
      Collection<? extends Certificate> certs =
          CertificateFactory.getInstance("X.509").generateCertificates(in);
      if (certs.isEmpty()) {
        throw new IllegalArgumentException("the CA file " + ca + " holds no PEM certificate");
      }
      KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
      store.load(null, null);
      int i = 0;
      for (Certificate cert : certs) {
        store.setCertificateEntry("ca-" + i++, cert);
      }
      TrustManagerFactory factory =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init(store);
      return factory.getTrustManagers()[0];
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalArgumentException(
          "the CA file " + ca + " is not PEM certificates: " + e.getMessage(), e);
    }
  }

  /** An API key: a secret, so its text is never in {@link #toString()}. */
  public record ApiKey(String value) {
    public ApiKey {
      if (value == null || value.isBlank()) {
        throw new IllegalArgumentException("the API key is empty");
      }
    }

    @Override
    public String toString() {
      return "ApiKey[***]";
    }
  }
}
