package dev.sqlfeed.worker.cli;

import dev.sqlfeed.domain.config.LoadedConfig;
import dev.sqlfeed.domain.feed.CanonicalTime;
import dev.sqlfeed.domain.feed.CycleStateWire;
import dev.sqlfeed.domain.mirror.CanonicalJson;
import dev.sqlfeed.ports.SourceReader;
import dev.sqlfeed.worker.Wiring;
import dev.sqlfeed.worker.config.ConfigLoader;
import dev.sqlfeed.worker.temporal.SourcePacing;
import dev.sqlfeed.worker.temporal.TemporalConnection;
import dev.sqlfeed.workflows.CursorCheck;
import dev.sqlfeed.workflows.FullSyncFailure;
import dev.sqlfeed.workflows.FullSyncResult;
import dev.sqlfeed.workflows.FullSyncState;
import dev.sqlfeed.workflows.FullSyncStatus;
import dev.sqlfeed.workflows.FullSyncWorkflows;
import dev.sqlfeed.workflows.LastReset;
import dev.sqlfeed.workflows.SourceFailure;
import dev.sqlfeed.workflows.SourceStatus;
import dev.sqlfeed.workflows.SourceWorkflows;
import io.temporal.client.WorkflowNotFoundException;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code sqlfeed status}: every source workflow's state, as a table. */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description = {
      "Asks each incremental source's workflow for its state and prints one line per source:",
      "phase, whether it is paused, committed cursor, the running cycle's progress, counters,",
      "the last error (also while a failed page is being retried, with the attempt) and the",
      "last reset of its cursor ('sqlfeed reset'). LAG is the source database's clock minus",
      "the committed cursor ('-' when the database cannot be reached). A last line, '(full sync)',",
      "shows the app's full sync workflow: phase, when the last sync ended, syncs and failures,",
      "and in its notes the last sync's counts, the next scheduled sync and the last error.",
      "--json prints one JSON object per line instead."
    })
final class StatusCommand implements Callable<Integer> {
  /** The full sync's line: no source key has a space or a parenthesis. */
  static final String FULL_SYNC = "(full sync)";

  private static final String ROW = "%-32s %-9s %-6s %-30s %-10s %-14s %8s %8s %10s  %s%n";

  private final CliContext context;

  @Mixin ConfigOption config;

  @Mixin TemporalAddressOptions temporal;

  @Option(names = "--json", description = "One JSON object per source, one per line.")
  boolean json;

  StatusCommand(CliContext context) {
    this.context = context;
  }

  /** One source's line. */
  private record Line(
      String source,
      String phase,
      Boolean paused,
      String committed,
      Long lagSeconds,
      Long cyclePages,
      Long cycleRows,
      Long cycles,
      Long failures,
      Long events,
      String notes) {}

  @Override
  public Integer call() {
    LoadedConfig loaded = ConfigLoader.withEnvironment(context.env()).load(config.file);
    String app = loaded.config().appName();
    PrintWriter out = context.out();
    Optional<Instant> now = databaseNow(loaded);
    try (TemporalConnection connection = temporal.connect(context.env())) {
      if (!json) {
        out.printf(
            ROW,
            "SOURCE",
            "PHASE",
            "PAUSED",
            "COMMITTED",
            "LAG",
            "CYCLE",
            "CYCLES",
            "FAILED",
            "EVENTS",
            "");
      }
      for (SourcePacing source : SourcePacing.of(loaded.config())) {
        print(out, line(connection, app, source.key(), now));
      }
      print(out, fullSync(connection, app));
      out.flush();
      return ExitCode.OK;
    }
  }

  private Line line(TemporalConnection connection, String app, String key, Optional<Instant> now) {
    SourceStatus status;
    try {
      status = SourceWorkflows.attach(connection.client(), app, key).state();
    } catch (WorkflowNotFoundException e) {
      return new Line(key, "absent", null, null, null, null, null, null, null, null, "");
    }
    CycleStateWire c = status.state().cycle();
    SourceFailure failure = status.state().lastFailure();
    String error =
        c.consecutiveFailures() == 0
            ? ""
            : failure == null ? c.lastError() : failure.type() + ": " + failure.message();
    Optional<SourceWorkflows.Retrying> retrying =
        SourceWorkflows.retrying(connection.client(), app, key);
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
      String phrase = describe(reset);
      error = error.isEmpty() ? phrase : error + "; " + phrase;
    }
    Long lag =
        c.committedCursor() == null || now.isEmpty()
            ? null
            : Duration.between(CanonicalTime.parse(c.committedCursor()), now.get()).toSeconds();
    boolean running = c.since() != null;
    return new Line(
        key,
        status.phase(),
        c.paused(),
        c.committedCursor(),
        lag,
        running ? c.cyclePages() : null,
        running ? c.cycleRows() : null,
        c.cycles(),
        c.failures(),
        c.eventsAppended(),
        error);
  }

  /**
   * The app's full sync workflow as a line: {@code COMMITTED} is when its last sync ended, {@code
   * CYCLES} its syncs, {@code FAILED} its failed syncs, {@code EVENTS} the last reconciliation's.
   */
  private static Line fullSync(TemporalConnection connection, String app) {
    FullSyncStatus status;
    try {
      status = FullSyncWorkflows.attach(connection.client(), app).state();
    } catch (WorkflowNotFoundException e) {
      return new Line(FULL_SYNC, "absent", null, null, null, null, null, null, null, null, "");
    }
    FullSyncState state = status.state();
    FullSyncResult last = state.last();
    List<String> notes = new ArrayList<>();
    Long events = null;
    if (last != null) {
      events =
          last.resourcesChanged()
              + last.resourcesDeleted()
              + last.grantsCreated()
              + last.grantsRevoked();
      notes.add(
          String.format(
              "last: %d resources, %d entitlements, %d grants in %.1f s",
              last.resources(),
              last.entitlements(),
              last.grants(),
              last.durationMillis() / 1000.0));
    }
    if (status.nextSyncAt() != null) {
      notes.add("next " + status.nextSyncAt());
    }
    FullSyncFailure failure = state.lastFailure();
    if (failure != null) {
      notes.add(
          (state.lastFailed() ? "failed: " : "earlier failure: ")
              + failure.type()
              + ": "
              + failure.message());
    }
    return new Line(
        FULL_SYNC,
        status.phase(),
        null,
        state.lastEndedAt(),
        null,
        null,
        null,
        state.syncs(),
        state.failures(),
        events,
        String.join("; ", notes));
  }

  private void print(PrintWriter out, Line l) {
    if (json) {
      Map<String, Object> object = new LinkedHashMap<>();
      object.put("source", l.source());
      object.put("phase", l.phase());
      object.put("paused", l.paused());
      object.put("committed", l.committed());
      object.put("lag_seconds", l.lagSeconds());
      object.put("cycle_pages", l.cyclePages());
      object.put("cycle_rows", l.cycleRows());
      object.put("cycles", l.cycles());
      object.put("failures", l.failures());
      object.put("events", l.events());
      object.put("notes", l.notes() == null || l.notes().isEmpty() ? null : l.notes());
      out.println(CanonicalJson.write(object));
      return;
    }
    out.printf(
        ROW,
        l.source(),
        l.phase(),
        l.paused() == null ? "-" : l.paused() ? "yes" : "no",
        l.committed() == null ? "-" : l.committed(),
        l.lagSeconds() == null ? "-" : l.lagSeconds() + "s",
        l.cyclePages() == null ? "-" : l.cyclePages() + "p/" + l.cycleRows() + "r",
        dash(l.cycles()),
        dash(l.failures()),
        dash(l.events()),
        l.notes());
  }

  private static String dash(Long value) {
    return value == null ? "-" : value.toString();
  }

  /** The source database's clock, or empty when it cannot be read (status still answers). */
  private Optional<Instant> databaseNow(LoadedConfig loaded) {
    try (SourceReader source = Wiring.source(loaded.config(), context.env())) {
      return Optional.of(source.databaseNow());
    } catch (RuntimeException e) {
      return Optional.empty();
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
