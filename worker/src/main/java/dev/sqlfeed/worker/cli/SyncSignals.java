package dev.sqlfeed.worker.cli;

import dev.sqlfeed.ports.fullsync.SyncInterrupted;
import dev.sqlfeed.ports.fullsync.SyncProgress;
import java.util.ArrayList;
import java.util.List;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Ctrl-C and SIGTERM during an in-process {@code sqlfeed sync}. The first signal asks the sync to
 * stop at its next row: the syncing thread throws {@link SyncInterrupted}, and the full sync
 * records its run as interrupted and drops its staged rows before the process exits. A shutdown
 * hook could not do that: it runs beside the syncing thread, which holds the store's transaction. A
 * second signal, for a sync stuck in one long query, ends the process at once.
 */
final class SyncSignals implements AutoCloseable {
  private final List<Signal> signals = List.of(new Signal("TERM"), new Signal("INT"));
  private final List<SignalHandler> previous = new ArrayList<>();
  private volatile Signal received;

  private SyncSignals() {}

  static SyncSignals install() {
    SyncSignals s = new SyncSignals();
    for (Signal signal : s.signals) {
      try {
        s.previous.add(Signal.handle(signal, s::receive));
      } catch (IllegalArgumentException e) {
        // The platform lacks the signal, or the JVM runs with -Xrs: the default applies.
        s.previous.add(null);
      }
    }
    return s;
  }

  private void receive(Signal signal) {
    if (received != null) {
      Runtime.getRuntime().halt(ExitCode.signalled(signal.getNumber()));
    }
    received = signal;
  }

  /** The exit code of a process stopped by the signal received, as a shell reports it. */
  int exitCode() {
    return ExitCode.signalled(received == null ? 2 : received.getNumber());
  }

  /** {@code progress}, which also stops the sync at its next row once a signal came. */
  SyncProgress watching(SyncProgress progress) {
    return new SyncProgress() {
      @Override
      public void started(String resourceType) {
        check();
        progress.started(resourceType);
      }

      @Override
      public void advanced(String resourceType, long rows) {
        check();
        progress.advanced(resourceType, rows);
      }

      @Override
      public void finished(String resourceType, long rows) {
        check();
        progress.finished(resourceType, rows);
      }
    };
  }

  private void check() {
    Signal signal = received;
    if (signal != null) {
      throw new SyncInterrupted("SIG" + signal.getName());
    }
  }

  @Override
  public void close() {
    for (int i = 0; i < previous.size(); i++) {
      if (previous.get(i) != null) {
        Signal.handle(signals.get(i), previous.get(i));
      }
    }
  }
}
