package dev.sqlfeed.worker.cli;

import dev.sqlfeed.worker.temporal.EmbeddedTemporal;
import dev.sqlfeed.worker.temporal.TemporalConnection;
import picocli.CommandLine.Option;

/** Where a command that inspects workflows finds Temporal: by default, a running 'sqlfeed run'. */
final class TemporalAddressOptions {
  @Option(
      names = "--temporal",
      paramLabel = "HOST:PORT",
      converter = OptionValues.HostPort.class,
      defaultValue = "127.0.0.1:" + EmbeddedTemporal.DEFAULT_PORT,
      description = "The Temporal server. Default: ${DEFAULT-VALUE} (a running 'sqlfeed run').")
  String temporal;

  @Option(
      names = "--namespace",
      paramLabel = "NS",
      defaultValue = TemporalConnection.DEFAULT_NAMESPACE,
      description = "The Temporal namespace. Default: ${DEFAULT-VALUE}.")
  String namespace;

  /** Connects to the server. */
  TemporalConnection connect() {
    return TemporalConnection.connect(temporal, namespace);
  }

  /** The address, for messages. */
  @Override
  public String toString() {
    return temporal;
  }
}
