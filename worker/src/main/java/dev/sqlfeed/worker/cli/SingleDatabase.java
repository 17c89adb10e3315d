package dev.sqlfeed.worker.cli;

import dev.sqlfeed.domain.config.Config;
import dev.sqlfeed.domain.error.ConfigException;

/**
 * {@code sync} and {@code run} read one database: both refuse baton-sql's {@code connect.databases}
 * (one config over several databases) the same way, exit 2, rather than one refusing it and the
 * other reading only the main DSN.
 */
final class SingleDatabase {
  private SingleDatabase() {}

  /**
   * Throws when the config names several databases.
   *
   * @param file the config file as the user gave it
   * @param command the command, for the message
   */
  static void require(ConfigOption file, Config config, String command) {
    if (config.connect().databases().isPresent()) {
      throw new ConfigException(
          file
              + ": "
              + config.connect().path()
              + ".databases: '"
              + command
              + "' reads one database; several databases in one config are not supported yet"
              + " (validate checks only the main one): write one config per database");
    }
  }
}
