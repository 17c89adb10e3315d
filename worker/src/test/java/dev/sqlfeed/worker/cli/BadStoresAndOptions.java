package dev.sqlfeed.worker.cli;

import dev.sqlfeed.worker.cli.BadInputCatalogueIT.Case;
import java.nio.file.Files;
import java.util.List;

/**
 * The catalogue's bad stores, ports and command-line values: a store that is not sqlfeed's exits 2
 * before anything is created in it; a port out of range, a negative position or count, a Temporal
 * address without a port exit 2 naming the option; a missing file names itself.
 */
final class BadStoresAndOptions {
  private BadStoresAndOptions() {}

  static List<Case> cases() {
    return List.of(
        new Case(
            "store: a database that holds another application's tables",
            2,
            "is not a sqlfeed store: it holds tables that are not sqlfeed's (members, role_perms,"
                + " roles, ...) and no sqlfeed schema_version table",
            f -> {
              f.config(BadInputCatalogueIT.CONFIG);
              return new String[] {
                "sync",
                "--in-process",
                "--config",
                f.config.toString(),
                "--store",
                BadInputCatalogueIT.url(f.source)
              };
            }),
        new Case(
            "store: another application's schema_version table",
            2,
            "its schema_version table is not sqlfeed's (columns: installed_rank, script)",
            f -> {
              f.source("CREATE TABLE schema_version (installed_rank INTEGER, script TEXT)");
              return new String[] {"events", "--store", BadInputCatalogueIT.url(f.source)};
            }),
        new Case(
            "store: an unsupported URL",
            2,
            "unsupported sync store URL jdbc:oracle:thin:@db",
            f -> {
              f.config(BadInputCatalogueIT.CONFIG);
              return new String[] {
                "sync",
                "--in-process",
                "--config",
                f.config.toString(),
                "--store",
                "jdbc:oracle:thin:@db"
              };
            }),
        new Case(
            "store: no store file for events",
            3,
            "no store at ",
            f -> new String[] {"events", "--store", "jdbc:sqlite:" + f.dir.resolve("none.db")}),
        new Case(
            "store: a directory where the store file should be",
            3,
            "",
            f -> {
              Files.createDirectory(f.dir.resolve("dir.db"));
              f.config(BadInputCatalogueIT.CONFIG);
              return new String[] {
                "sync",
                "--in-process",
                "--config",
                f.config.toString(),
                "--store",
                "jdbc:sqlite:" + f.dir.resolve("dir.db")
              };
            }),
        option("ports: run --embedded-port 99999", "run", "--embedded-port", "99999"),
        option("ports: run --embedded-port 0", "run", "--embedded-port", "0"),
        option("ports: run --metrics-port 70000", "run", "--metrics-port", "70000"),
        option("ports: run --metrics-port http", "run", "--metrics-port", "http"),
        option("ports: sync --embedded-port 99999", "sync", "--embedded-port", "99999"),
        option("ports: sync --temporal nohost:notaport", "sync", "--temporal", "nohost:notaport"),
        option("ports: run --temporal without a port", "run", "--temporal", "temporal.local"),
        option("ports: status --temporal host:123456", "status", "--temporal", "host:123456"),
        option("options: events --after -5", "events", "--after", "-5"),
        option("options: events --limit -1", "events", "--limit", "-1"),
        new Case(
            "options: an unknown option",
            2,
            "Unknown options: '--stor'",
            f -> new String[] {"events", "--stor", f.storeUrl()}),
        new Case(
            "options: replay of a missing file says it is missing",
            2,
            "none.json: no such file",
            f -> new String[] {"replay", f.dir.resolve("none.json").toString()}),
        new Case(
            "options: replay of a file that is not a history",
            2,
            "not a workflow history",
            f -> {
              Files.writeString(f.dir.resolve("h.json"), "{\"events\": 3}");
              return new String[] {"replay", f.dir.resolve("h.json").toString()};
            }));
  }

  /** A command-line value that picocli must reject, naming the option, before anything runs. */
  private static Case option(String name, String command, String option, String value) {
    return new Case(
        name,
        2,
        "Invalid value for option '" + option + "': '" + value.replaceFirst("^.*:", "") + "'",
        f -> {
          f.config(BadInputCatalogueIT.CONFIG);
          return command.equals("events") || command.equals("status")
              ? new String[] {command, "--store", f.storeUrl(), option, value}
              : new String[] {
                command, "--config", f.config.toString(), "--store", f.storeUrl(), option, value
              };
        });
  }
}
