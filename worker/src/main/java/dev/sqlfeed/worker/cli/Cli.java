package dev.sqlfeed.worker.cli;

import picocli.CommandLine;

/**
 * Builds the command line. {@code main} and the tests both call {@link #run} with their own
 * context, so a test exercises exactly what a user runs.
 */
public final class Cli {
  private Cli() {}

  /** A command line whose commands write to the context's streams. */
  public static CommandLine create(CliContext context) {
    CommandLine cli = new CommandLine(new SqlfeedCommand(), new CommandFactory(context));
    cli.setOut(context.out());
    cli.setErr(context.err());
    cli.setExecutionExceptionHandler(new ErrorReporter());
    cli.setExitCodeExceptionMapper(ErrorReporter::exitCode);
    cli.setParameterExceptionHandler(
        (e, args) -> {
          CommandLine failed = e.getCommandLine();
          failed.getErr().println("sqlfeed: " + e.getMessage());
          CommandLine.UnmatchedArgumentException.printSuggestions(e, failed.getErr());
          failed.getErr().println("Try '" + failed.getCommandSpec().qualifiedName() + " --help'.");
          failed.getErr().flush();
          return ExitCode.INVALID_INPUT;
        });
    return cli;
  }

  /** Runs the arguments and returns the exit code. */
  public static int run(String[] args, CliContext context) {
    int code = create(context).execute(args);
    context.out().flush();
    context.err().flush();
    return code;
  }

  /** Gives every command that wants it the context. */
  private record CommandFactory(CliContext context) implements CommandLine.IFactory {
    @Override
    public <K> K create(Class<K> cls) throws Exception {
      for (var constructor : cls.getDeclaredConstructors()) {
        if (constructor.getParameterCount() == 1
            && constructor.getParameterTypes()[0] == CliContext.class) {
          constructor.setAccessible(true);
          return cls.cast(constructor.newInstance(context));
        }
      }
      return CommandLine.defaultFactory().create(cls);
    }
  }
}
