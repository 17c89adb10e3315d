package dev.sqlfeed.worker.cli;

import dev.sqlfeed.domain.feed.CanonicalTime;
import dev.sqlfeed.domain.feed.FeedEvent;
import dev.sqlfeed.domain.mirror.CanonicalJson;
import dev.sqlfeed.ports.StoredEvent;
import dev.sqlfeed.ports.SyncStore;
import dev.sqlfeed.worker.Wiring;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code sqlfeed events}: the event log as JSON lines, in seq order. */
@Command(
    name = "events",
    mixinStandardHelpOptions = true,
    subcommands = EventsPruneCommand.class,
    description = {
      "Prints the event log as JSON lines in seq order: resource_changed, grant_created and",
      "grant_revoked events with their deterministic ids. With --follow, keeps printing new",
      "events as they are appended."
    })
final class EventsCommand implements Callable<Integer> {
  private static final int BATCH = 1000;

  private final CliContext context;

  @Mixin StoreOption store;

  @Option(
      names = "--after",
      paramLabel = "SEQ",
      converter = OptionValues.NonNegative.class,
      defaultValue = "0",
      description = "Start after this seq (default: from the start).")
  long after;

  @Option(
      names = "--limit",
      paramLabel = "N",
      converter = OptionValues.NonNegative.class,
      description = "Print at most N events.")
  Long limit;

  @Option(names = "--app", paramLabel = "APP", description = "Only this app's events.")
  String app;

  @Option(names = "--follow", description = "Keep printing events as they arrive (until stopped).")
  boolean follow;

  // Alike on purpose to DemoCommand's --changes-per-second: two options, alike only in form.
  @Option(
      names = "--poll-millis",
      paramLabel = "MS",
      defaultValue = "500",
      description = "How often --follow looks for new events (default: ${DEFAULT-VALUE}).")
  long pollMillis;

  EventsCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = context.out();
    long printed = 0;
    long last = after;
    try (SyncStore syncStore = Wiring.existingStore(store.url, context.env())) {
      while (limit == null || printed < limit) {
        int want = (int) Math.min(BATCH, limit == null ? BATCH : limit - printed);
        List<StoredEvent> events = syncStore.events(Optional.ofNullable(app), last, want);
        for (StoredEvent e : events) {
          out.append(toJsonLine(e)).append('\n');
          last = e.seq();
          printed++;
        }
        out.flush();
        if (events.size() < want) {
          if (!follow) {
            break;
          }
          Thread.sleep(pollMillis);
        }
      }
    }
    return ExitCode.OK;
  }

  /**
   * One event as the JSON line documented in docs/incremental.md (Events); absent fields are null.
   */
  static String toJsonLine(StoredEvent stored) {
    FeedEvent e = stored.event();
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("seq", stored.seq());
    json.put("id", e.id());
    json.put("kind", e.kind());
    json.put("source", e.source());
    json.put("resource_type", e.resource().resourceType());
    json.put("resource_id", e.resource().resourceId());
    String entitlement = null;
    String principalType = null;
    String principalId = null;
    if (e instanceof FeedEvent.GrantEvent g) {
      entitlement = g.entitlement();
      principalType = g.principal().resourceType();
      principalId = g.principal().resourceId();
    }
    json.put("entitlement", entitlement);
    json.put("principal_type", principalType);
    json.put("principal_id", principalId);
    json.put("cursor", CanonicalTime.format(e.cursor()));
    json.put("observed_at", CanonicalTime.format(stored.observedAt()));
    return CanonicalJson.write(json);
  }
}
