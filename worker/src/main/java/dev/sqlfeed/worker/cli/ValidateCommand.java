package dev.sqlfeed.worker.cli;

import dev.sqlfeed.domain.config.Config;
import dev.sqlfeed.domain.config.bind.Problem;
import dev.sqlfeed.domain.config.tree.YamlNode;
import dev.sqlfeed.domain.config.tree.YamlPaths;
import dev.sqlfeed.domain.error.SourceException;
import dev.sqlfeed.ports.catalog.SchemaCheck;
import dev.sqlfeed.ports.catalog.SchemaReport;
import dev.sqlfeed.ports.catalog.SourceCatalog;
import dev.sqlfeed.worker.Wiring;
import dev.sqlfeed.worker.config.ConfigCheck;
import dev.sqlfeed.worker.config.ConfigLoader;
import dev.sqlfeed.worker.config.YamlTreeReader;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code sqlfeed validate}: reports every problem of a config file, and with --connect of its
 * queries.
 */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = {
      "Checks a config file and reports every problem, one per line as",
      "FILE:LINE:COL: yaml.path: message. Exits 0 when the file is clean (warnings allowed),",
      "2 when it has errors, 3 (with --connect) when the database cannot be reached."
    })
final class ValidateCommand implements Callable<Integer> {
  private static final String CONNECT = "connect";

  private final CliContext context;

  @Mixin ConfigOption config;

  @Option(
      names = "--connect",
      description = {
        "Also connect to the config's database (read-only) and check every query: it",
        "prepares, returns every column a mapping, cursor_column or primary_key names, and,",
        "if incremental, has an index that leads with its cursor column (else a warning).",
        "Queries are prepared, never run; provisioning and actions are not checked."
      })
  boolean connect;

  ValidateCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    ConfigCheck check = ConfigLoader.withEnvironment(context.env()).check(config.file);
    check.errors().forEach(context.err()::println);
    check.warnings().forEach(w -> context.err().println("warning: " + w));
    if (!check.errors().isEmpty()) {
      context.err().println(config + ": " + count(check.errors().size(), "error") + ".");
      return ExitCode.INVALID_INPUT;
    }
    Config c = check.config().orElseThrow();
    String ok =
        config
            + ": ok: app "
            + c.appName()
            + ", "
            + count(c.resourceTypes().size(), "resource type");
    if (!connect) {
      context
          .out()
          .println(
              ok
                  + (check.warnings().isEmpty()
                      ? ""
                      : ", " + count(check.warnings().size(), "warning")));
      return ExitCode.OK;
    }
    return againstTheDatabase(c, check, ok);
  }

  /** The checks of {@code --connect}, after the file itself passed. */
  private int againstTheDatabase(Config c, ConfigCheck check, String ok) {
    YamlNode tree = new YamlTreeReader().read(config.file);
    SchemaReport report;
    try (SourceCatalog catalog = Wiring.catalog(c, context.env())) {
      report = SchemaCheck.run(c, tree, catalog);
    } catch (SourceException e) {
      if (e.kind() != SourceException.Kind.UNAVAILABLE) {
        throw e;
      }
      context.err().println(unreachable(tree, e));
      return ExitCode.UNAVAILABLE;
    }
    report.errors().forEach(p -> context.err().println(p.format()));
    report.warnings().forEach(p -> context.err().println("warning: " + p.format()));
    report.notes().forEach(p -> context.err().println("note: " + p.format()));
    int warnings = check.warnings().size() + report.warnings().size();
    String summary =
        count(report.queries(), "query", "queries")
            + " checked against the database: "
            + count(report.errors().size(), "error")
            + ", "
            + count(warnings, "warning")
            + (report.notes().isEmpty() ? "" : ", " + count(report.notes().size(), "note"));
    if (!report.errors().isEmpty()) {
      context.err().println(config + ": " + summary + ".");
      return ExitCode.INVALID_INPUT;
    }
    context.out().println(ok + "; " + summary);
    return ExitCode.OK;
  }

  /**
   * The adapter's {@code connect: cannot connect to URL: reason}, placed at the config's {@code
   * connect} block; any other origin (a connection lost halfway) as it is.
   */
  private static String unreachable(YamlNode tree, SourceException e) {
    String message = String.valueOf(e.getMessage());
    if (!message.startsWith(CONNECT + ": ")) {
      return "sqlfeed: " + message;
    }
    return new Problem(
            YamlPaths.locate(tree, CONNECT), CONNECT, message.substring(CONNECT.length() + 2))
        .format();
  }

  static String count(int n, String noun) {
    return count(n, noun, noun + "s");
  }

  private static String count(int n, String one, String many) {
    return n + " " + (n == 1 ? one : many);
  }
}
