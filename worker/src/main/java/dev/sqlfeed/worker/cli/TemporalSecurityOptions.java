package dev.sqlfeed.worker.cli;

import dev.sqlfeed.domain.error.ConfigException;
import dev.sqlfeed.worker.temporal.TemporalSecurity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * TLS and the API key for a Temporal cluster or Temporal Cloud, on every command that talks to
 * Temporal. They apply to {@code --temporal} only: the embedded server speaks plain gRPC on
 * 127.0.0.1.
 */
final class TemporalSecurityOptions {
  /** Where the API key is read from when {@code --temporal-api-key} is not given. */
  static final String API_KEY_ENV = "TEMPORAL_API_KEY";

  @Option(
      names = "--temporal-tls",
      description = {
        "Connect to --temporal over TLS, checking its certificate against the system's trusted",
        "roots (or --temporal-tls-ca). Implied by every other --temporal-tls-* option and by an",
        "API key."
      })
  boolean tls;

  @Option(
      names = "--temporal-tls-cert",
      paramLabel = "FILE",
      description = "Client certificate chain (PEM) for mutual TLS; needs --temporal-tls-key.")
  Path cert;

  @Option(
      names = "--temporal-tls-key",
      paramLabel = "FILE",
      description = "Private key (PEM, PKCS #8) of --temporal-tls-cert.")
  Path key;

  @Option(
      names = "--temporal-tls-ca",
      paramLabel = "FILE",
      description = "CA certificates (PEM) to check the server against instead of the system's.")
  Path ca;

  @Option(
      names = "--temporal-tls-server-name",
      paramLabel = "NAME",
      description = {
        "The name the server's certificate must carry (also sent as SNI), when it differs from",
        "the host of --temporal."
      })
  String serverName;

  @Option(
      names = "--temporal-api-key",
      paramLabel = "KEY",
      description = {
        "API key (Temporal Cloud), sent as a bearer token; turns TLS on. Default: the",
        "environment variable " + API_KEY_ENV + ", which, unlike an option, other users of the",
        "machine cannot read from the process list. Never printed."
      })
  String apiKey;

  /**
   * What the options ask for, checked: the files are read once here, so that a missing or bad one
   * is bad input (exit 2) naming its option, not an unreachable server.
   *
   * @param given whether {@code --temporal} was given; without it only the embedded server is meant
   * @param env where {@value #API_KEY_ENV} is looked up
   * @throws ConfigException naming the option at fault; never holding the key
   */
  TemporalSecurity security(boolean given, Map<String, String> env) {
    if (!given) {
      List<String> set = explicit();
      if (!set.isEmpty()) {
        throw new ConfigException(
            String.join(", ", set)
                + ": needs --temporal HOST:PORT (the embedded server takes no TLS and no API key)");
      }
      return TemporalSecurity.NONE;
    }
    if ((cert == null) != (key == null)) {
      throw new ConfigException(
          "--temporal-tls-cert and --temporal-tls-key go together (mutual TLS takes both)");
    }
    readable("--temporal-tls-cert", cert);
    readable("--temporal-tls-key", key);
    readable("--temporal-tls-ca", ca);
    if (serverName != null && serverName.isBlank()) {
      throw new ConfigException("--temporal-tls-server-name: must not be blank");
    }
    TemporalSecurity security = new TemporalSecurity(tls, cert, key, ca, serverName, apiKey(env));
    if (cert != null || ca != null) {
      try {
        security.sslContext();
      } catch (IllegalArgumentException e) {
        throw new ConfigException(
            (cert != null ? "--temporal-tls-cert, --temporal-tls-key" : "--temporal-tls-ca")
                + (cert != null && ca != null ? ", --temporal-tls-ca" : "")
                + ": "
                + e.getMessage());
      }
    }
    return security;
  }

  private TemporalSecurity.ApiKey apiKey(Map<String, String> env) {
    if (apiKey != null) {
      if (apiKey.isBlank()) {
        throw new ConfigException("--temporal-api-key: must not be empty");
      }
      return new TemporalSecurity.ApiKey(apiKey);
    }
    String fromEnv = env.get(API_KEY_ENV);
    return fromEnv == null || fromEnv.isBlank() ? null : new TemporalSecurity.ApiKey(fromEnv);
  }

  /** The options given on the command line (the environment's key is not one). */
  private List<String> explicit() {
    List<String> set = new ArrayList<>();
    if (tls) {
      set.add("--temporal-tls");
    }
    if (cert != null) {
      set.add("--temporal-tls-cert");
    }
    if (key != null) {
      set.add("--temporal-tls-key");
    }
    if (ca != null) {
      set.add("--temporal-tls-ca");
    }
    if (serverName != null) {
      set.add("--temporal-tls-server-name");
    }
    if (apiKey != null) {
      set.add("--temporal-api-key");
    }
    return set;
  }

  private static void readable(String option, Path file) {
    if (file != null && !Files.isReadable(file)) {
      throw new ConfigException(option + " " + file + ": no such file, or not readable");
    }
  }
}
