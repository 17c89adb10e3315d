package dev.sqlfeed.worker.cli;

import dev.sqlfeed.domain.config.GoDuration;
import dev.sqlfeed.ports.EventPrune;
import dev.sqlfeed.ports.EventPruner;
import dev.sqlfeed.ports.SyncStore;
import dev.sqlfeed.worker.Wiring;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/** {@code sqlfeed events prune}: removes the event log's oldest events by hand. */
@Command(
    name = "prune",
    mixinStandardHelpOptions = true,
    description = {
      "Removes the event log's oldest events: those observed longer ago than --older-than and",
      "those not among the newest --keep, whichever removes more. Seqs go on rising; pruned",
      "events no longer count when a re-activated resource's grants are restored."
    })
final class EventsPruneCommand implements Callable<Integer> {
  private final CliContext context;

  @Spec CommandSpec spec;

  @Mixin StoreOption store;

  // Alike on purpose to WorkerTemporalOptions: other options, alike only in picocli's form.
  @Option(
      names = "--older-than",
      paramLabel = "D",
      converter = Age.class,
      description = "Remove events observed longer ago than D (a Go duration, such as 720h).")
  Duration olderThan;

  @Option(
      names = "--keep",
      paramLabel = "N",
      converter = OptionValues.NonNegative.class,
      description = "Keep the newest N events.")
  Long keep;

  EventsPruneCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    if (olderThan == null && keep == null) {
      throw new ParameterException(spec.commandLine(), "give --older-than, --keep or both");
    }
    EventPrune prune =
        new EventPrune(
            Optional.ofNullable(olderThan).map(d -> Clock.systemUTC().instant().minus(d)),
            keep == null ? OptionalLong.empty() : OptionalLong.of(keep),
            Long.MAX_VALUE);
    try (SyncStore syncStore = Wiring.existingStore(store.url, context.env())) {
      if (!(syncStore instanceof EventPruner pruner)) {
        throw new ParameterException(
            spec.commandLine(), "the store at --store cannot prune its event log");
      }
      long removed = pruner.pruneEvents(prune);
      context.out().append("pruned ").append(Long.toString(removed)).append(" events\n");
      context.out().flush();
    }
    return ExitCode.OK;
  }

  /** A Go duration that is not negative. */
  static final class Age implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
      Duration d;
      try {
        d = GoDuration.parse(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
      if (d.isNegative()) {
        throw new TypeConversionException("'" + value + "' is negative; give 0 or more");
      }
      return d;
    }
  }
}
