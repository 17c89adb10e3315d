package dev.sqlfeed.worker.cli;

import dev.sqlfeed.worker.config.ConfigCheck;
import dev.sqlfeed.worker.config.ConfigLoader;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code sqlfeed validate}: reports every problem of a config file. */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = {
      "Checks a config file and reports every problem, one per line as",
      "FILE:LINE:COL: yaml.path: message. Exits 0 when the file is clean (warnings allowed),",
      "2 when it has errors."
    })
final class ValidateCommand implements Callable<Integer> {
  private final CliContext context;

  @Mixin ConfigOption config;

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
    var c = check.config().orElseThrow();
    context
        .out()
        .println(
            config
                + ": ok: app "
                + c.appName()
                + ", "
                + count(c.resourceTypes().size(), "resource type")
                + (check.warnings().isEmpty()
                    ? ""
                    : ", " + count(check.warnings().size(), "warning")));
    return ExitCode.OK;
  }

  static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
