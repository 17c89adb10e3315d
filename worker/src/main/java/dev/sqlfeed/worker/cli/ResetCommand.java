package dev.sqlfeed.worker.cli;

import dev.sqlfeed.domain.feed.CanonicalTime;
import dev.sqlfeed.workflows.CursorReset;
import dev.sqlfeed.workflows.SourceWorkflow;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** {@code sqlfeed reset}: moves a source's committed cursor, so that it reads again from there. */
@Command(
    name = "reset",
    mixinStandardHelpOptions = true,
    description = {
      "Sets a source's committed cursor to a time and starts a cycle from there",
      "(less the source's overlap), abandoning a running one. Rows read before",
      "get the same event ids and are dropped as duplicates; rows never read",
      "before become new events. The reset is recorded with the operating system",
      "user, and 'status' shows the last one."
    })
final class ResetCommand extends SourceSignalCommand {
  @Option(
      names = "--source",
      required = true,
      paramLabel = "KEY",
      description = "The source, e.g. user or team.grants.0.changes.")
  String source;

  @Option(
      names = "--to",
      required = true,
      paramLabel = "TIMESTAMP",
      converter = Timestamp.class,
      description =
          "The new committed cursor, RFC 3339 (2026-12-01T00:00:00Z,"
              + " 2026-12-01T01:00:00+01:00); without a zone, UTC.")
  String to;

  ResetCommand(CliContext context) {
    super(context);
  }

  @Override
  String source() {
    return source;
  }

  @Override
  String signal(SourceWorkflow workflow) {
    String by = System.getProperty("user.name");
    workflow.resetCursorBy(new CursorReset(to, by));
    return "cursor reset to " + to + " (by " + by + "); a new cycle reads from there";
  }

  /** An RFC 3339 timestamp, in sqlfeed's canonical form; one without a zone is read as UTC. */
  static final class Timestamp implements ITypeConverter<String> {
    @Override
    public String convert(String value) {
      String text = value.strip();
      for (String candidate : new String[] {text, text + "Z"}) {
        try {
          return CanonicalTime.format(CanonicalTime.parse(candidate));
        } catch (IllegalArgumentException e) {
          // Not of this form: try the next, or say so below.
        }
      }
      throw new TypeConversionException(
          "'" + value + "' is not an RFC 3339 timestamp such as 2026-12-01T00:00:00Z");
    }
  }
}
