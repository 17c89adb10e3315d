package dev.sqlfeed.worker.cli;

import dev.sqlfeed.domain.config.LoadedConfig;
import dev.sqlfeed.domain.feed.CycleStateWire;
import dev.sqlfeed.worker.config.ConfigLoader;
import dev.sqlfeed.worker.temporal.SourcePacing;
import dev.sqlfeed.worker.temporal.TemporalConnection;
import dev.sqlfeed.worker.temporal.TemporalUnavailableException;
import dev.sqlfeed.workflows.CursorCheck;
import dev.sqlfeed.workflows.LastReset;
import dev.sqlfeed.workflows.SourceFailure;
import dev.sqlfeed.workflows.SourceStatus;
import dev.sqlfeed.workflows.SourceWorkflows;
import io.temporal.client.WorkflowNotFoundException;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code sqlfeed status}: every source workflow's state, as a table. */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description = {
      "Asks each incremental source's workflow for its state and prints one line per source:",
      "phase, whether it is paused, committed cursor, the running cycle's progress, counters,",
      "the last error (also while a failed page is being retried, with the attempt) and the",
      "last reset of its cursor ('sqlfeed reset')."
    })
final class StatusCommand implements Callable<Integer> {
  private static final String ROW = "%-32s %-9s %-6s %-30s %-14s %8s %8s %10s  %s%n";

  private final CliContext context;

  @Mixin ConfigOption config;

  @Mixin TemporalAddressOptions temporal;

  StatusCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    LoadedConfig loaded = ConfigLoader.withEnvironment(context.env()).load(config.file);
    String app = loaded.config().appName();
    PrintWriter out = context.out();
    try (TemporalConnection connection = temporal.connect(context.env())) {
      out.printf(
          ROW, "SOURCE", "PHASE", "PAUSED", "COMMITTED", "CYCLE", "CYCLES", "FAILED", "EVENTS", "");
      for (SourcePacing source : SourcePacing.of(loaded.config())) {
        SourceStatus status;
        try {
          status = SourceWorkflows.attach(connection.client(), app, source.key()).state();
        } catch (WorkflowNotFoundException e) {
          out.printf(ROW, source.key(), "absent", "-", "-", "-", "-", "-", "-", "");
          continue;
        }
        CycleStateWire c = status.state().cycle();
        SourceFailure failure = status.state().lastFailure();
        String error =
            c.consecutiveFailures() == 0
                ? ""
                : failure == null ? c.lastError() : failure.type() + ": " + failure.message();
        Optional<SourceWorkflows.Retrying> retrying =
            SourceWorkflows.retrying(connection.client(), app, source.key());
        if (retrying.isPresent()) {
          error =
              "retrying (attempt "
                  + retrying.get().attempt()
                  + "): "
                  + retrying.get().message()
                  + (error.isEmpty() ? "" : "; last cycle: " + error);
        }
        CursorCheck check = status.state().cursorCheck();
        if (check != null && check.found() > 0) {
          error = error.isEmpty() ? check.describe() : error + "; " + check.describe();
        }
        LastReset reset = status.state().lastReset();
        if (reset != null) {
          String line = describe(reset);
          error = error.isEmpty() ? line : error + "; " + line;
        }
        out.printf(
            ROW,
            source.key(),
            status.phase(),
            c.paused() ? "yes" : "no",
            c.committedCursor() == null ? "-" : c.committedCursor(),
            c.since() == null ? "-" : c.cyclePages() + "p/" + c.cycleRows() + "r",
            c.cycles(),
            c.failures(),
            c.eventsAppended(),
            error);
      }
      out.flush();
      return ExitCode.OK;
    } catch (TemporalUnavailableException e) {
      context.err().println("sqlfeed: " + e.getMessage());
      return ExitCode.UNAVAILABLE;
    }
  }

  /** A reset as one phrase: {@code last reset 2026-... by alice: 2026-... -> 2026-...}. */
  private static String describe(LastReset reset) {
    return "last reset "
        + reset.at()
        + " by "
        + (reset.by() == null ? "(unknown)" : reset.by())
        + ": "
        + (reset.from() == null ? "(none)" : reset.from())
        + " -> "
        + reset.to();
  }
}
