package dev.sqlfeed.worker.cli;

import dev.sqlfeed.worker.Wiring;
import picocli.CommandLine.Option;

/** The {@code --store} option, shared by every command that uses the sync store. */
final class StoreOption {
  @Option(
      names = {"-s", "--store"},
      paramLabel = "JDBC_URL",
      defaultValue = Wiring.DEFAULT_STORE,
      description = {
        "The sync store: jdbc:sqlite:FILE, jdbc:postgresql://HOST/DB, jdbc:mariadb://HOST/DB",
        "or jdbc:h2:... Credentials in the URL or in SQLFEED_STORE_USER and",
        "SQLFEED_STORE_PASSWORD. Default: ${DEFAULT-VALUE}."
      })
  String url;
}
