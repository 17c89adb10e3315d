package dev.sqlfeed.worker.property;

import dev.sqlfeed.ports.Checkpoint;
import dev.sqlfeed.ports.SyncStore;
import dev.sqlfeed.worker.cli.Cli;
import dev.sqlfeed.worker.cli.CliContext;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Cycles run by the real worker: {@code sqlfeed run --once} with its embedded Temporal server, one
 * cycle of each source's workflow per sweep. Each run starts a new server, so each workflow seeds
 * itself from the store's checkpoint. Writes happen only between runs.
 */
final class TemporalCycles implements Cycles {
  private final Path config;
  private final String storeUrl;
  private final Map<String, String> env;
  private final SyncStore store;
  private final String app;
  private final EventLedger ledger;

  TemporalCycles(
      Path config,
      String storeUrl,
      Map<String, String> env,
      SyncStore store,
      String app,
      EventLedger ledger) {
    this.config = config;
    this.storeUrl = storeUrl;
    this.env = env;
    this.store = store;
    this.app = app;
    this.ledger = ledger;
  }

  @Override
  public Long openedAt(String source) {
    return null;
  }

  @Override
  public boolean pageable() {
    return false;
  }

  @Override
  public void page(String source, long logicalNow) {
    throw new UnsupportedOperationException("run --once runs whole cycles");
  }

  @Override
  public void restartFromCheckpoint(String source) {
    // Every run starts from the checkpoint anyway.
  }

  @Override
  public void sweep(long logicalNow) {
    Map<String, EventLedger.Opening> openings = new HashMap<>();
    for (String source : AccessModel.SOURCES) {
      openings.put(
          source, ledger.opening(source, store.checkpoint(app, source).map(Checkpoint::cursor)));
    }
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        Cli.run(
            new String[] {
              "run",
              "--once",
              "--config",
              config.toString(),
              "--store",
              storeUrl,
              "--embedded-port",
              Integer.toString(freePort())
            },
            new CliContext(new PrintWriter(out), new PrintWriter(err), env, false));
    if (code != 0) {
      throw new IllegalStateException("run --once exited " + code + ":\n" + out + err);
    }
    openings.forEach(ledger::cycleEnded);
  }

  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
