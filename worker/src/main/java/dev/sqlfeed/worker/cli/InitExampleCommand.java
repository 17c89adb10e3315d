package dev.sqlfeed.worker.cli;

import dev.sqlfeed.domain.config.Config;
import dev.sqlfeed.domain.connect.ConnectionSpec;
import dev.sqlfeed.domain.error.ConfigException;
import dev.sqlfeed.jdbc.SqlScripts;
import dev.sqlfeed.worker.Wiring;
import dev.sqlfeed.worker.config.ConfigLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code sqlfeed init-example}: creates an example's SQLite application database, so that the
 * examples run on a machine with nothing but a JDK.
 */
@Command(
    name = "init-example",
    mixinStandardHelpOptions = true,
    description = {
      "Creates the SQLite application database of an example directory: runs DIR/schema.sql",
      "and then the shared seed data (DIR/../seed.sql) into the SQLite file that DIR/app.yml's",
      "connect.dsn names. Does nothing when that file exists already."
    })
final class InitExampleCommand implements Callable<Integer> {
  private final CliContext context;

  @Parameters(paramLabel = "DIR", description = "The example directory, e.g. examples/sqlite.")
  Path dir;

  InitExampleCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    Path configFile = dir.resolve("app.yml");
    Config config = ConfigLoader.withEnvironment(context.env()).load(configFile).config();
    ConnectionSpec spec = Wiring.connection(config, context.env());
    if (spec.product() != ConnectionSpec.Product.SQLITE) {
      throw new ConfigException(
          configFile + ": connect.dsn: init-example creates SQLite databases only");
    }
    Path database =
        Path.of(spec.jdbcUrl().substring("jdbc:sqlite:".length()).replaceFirst("\\?.*$", ""));
    if (Files.exists(database)) {
      context.out().println(database + " exists; left as it is");
      return ExitCode.OK;
    }
    List<String> scripts = new ArrayList<>();
    scripts.add(read(dir.resolve("schema.sql")));
    Path seed = dir.resolve("../seed.sql").normalize();
    if (Files.exists(seed)) {
      scripts.add(read(seed));
    }
    SqlScripts.run(spec, scripts);
    context.out().println("created " + database);
    return ExitCode.OK;
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }
}
