package dev.sqlfeed.worker.cli;

import dev.sqlfeed.ports.SyncStore;
import dev.sqlfeed.worker.Wiring;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code sqlfeed export}: the mirror as sorted JSON lines. */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = {
      "Prints the mirror as JSON lines, one object per resource, entitlement and grant, in a",
      "canonical order: two stores holding the same mirror print byte-identical output."
    })
final class ExportCommand implements Callable<Integer> {
  private final CliContext context;

  @Mixin StoreOption store;

  @Option(
      names = "--app",
      paramLabel = "APP",
      description = "Only this app's mirror (app_name). Default: every app in the store.")
  String app;

  ExportCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    PrintWriter out = context.out();
    try (SyncStore syncStore = Wiring.existingStore(store.url, context.env())) {
      syncStore.exportMirror(
          Optional.ofNullable(app), record -> out.append(record.toJsonLine()).append('\n'));
    }
    out.flush();
    return ExitCode.OK;
  }
}
