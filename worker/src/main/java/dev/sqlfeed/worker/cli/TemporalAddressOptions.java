package dev.sqlfeed.worker.cli;

import dev.sqlfeed.worker.temporal.EmbeddedTemporal;
import dev.sqlfeed.worker.temporal.TemporalConnection;
import dev.sqlfeed.worker.temporal.TemporalSecurity;
import java.util.Map;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Where a command finds Temporal: the server given, or by default the embedded server of a {@code
 * sqlfeed run} on this machine. {@link WorkerTemporalOptions} adds what the commands that run or
 * reach a worker need.
 */
class TemporalAddressOptions {
  @Option(
      names = "--temporal",
      paramLabel = "HOST:PORT",
      converter = OptionValues.HostPort.class,
      description = {
        "The Temporal server. Default: the embedded server that 'sqlfeed run' starts on",
        "127.0.0.1 (port " + EmbeddedTemporal.DEFAULT_PORT + ", or --embedded-port where offered)."
      })
  String temporal;

  @Option(
      names = "--namespace",
      paramLabel = "NS",
      defaultValue = TemporalConnection.DEFAULT_NAMESPACE,
      description = "The Temporal namespace. Default: ${DEFAULT-VALUE}.")
  String namespace;

  @Mixin TemporalSecurityOptions security;

  /** The embedded server's port, where {@code --temporal} is not given. */
  int embeddedPort() {
    return EmbeddedTemporal.DEFAULT_PORT;
  }

  /** Whether {@code --temporal} was given, rather than the embedded server meant. */
  boolean given() {
    return temporal != null;
  }

  /** The server's address: {@code --temporal}, else the embedded server's on 127.0.0.1. */
  String address() {
    return given() ? temporal : "127.0.0.1:" + embeddedPort();
  }

  /**
   * TLS and the API key for {@code --temporal} (the key from {@code env} if not given as an
   * option); none for the embedded server.
   *
   * @throws dev.sqlfeed.domain.error.ConfigException if the options do not go together or a file
   *     cannot be read
   */
  TemporalSecurity security(Map<String, String> env) {
    return security.security(given(), env);
  }

  /** Connects to the server, with TLS and the API key as asked. */
  TemporalConnection connect(Map<String, String> env) {
    return TemporalConnection.connect(address(), namespace, security(env));
  }

  /** The address, for messages. */
  @Override
  public String toString() {
    return address();
  }
}
