package dev.sqlfeed.worker.demo;

import dev.sqlfeed.domain.feed.FeedEvent;
import dev.sqlfeed.ports.StoredEvent;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** One event as a person reads it: one line, coloured by kind on a terminal. */
public final class EventLine {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneOffset.UTC);
  private static final String RESET = "\u001b[0m";

  private EventLine() {}

  /**
   * The line of {@code stored}.
   *
   * @param colour whether to add ANSI colours (only when stdout is a terminal)
   */
  public static String of(StoredEvent stored, boolean colour) {
    FeedEvent e = stored.event();
    String what = e.resource().resourceType() + " " + e.resource().resourceId();
    if (e instanceof FeedEvent.GrantEvent g) {
      what =
          g.principal().resourceType()
              + " "
              + g.principal().resourceId()
              + (e.kind().equals("grant_created") ? " now holds " : " no longer holds ")
              + what
              + " "
              + g.entitlement();
    }
    Duration lag = Duration.between(e.cursor(), stored.observedAt());
    String text =
        String.format(
            "%s #%-5d %-16s %-48s from %s, %s after the change",
            TIME.format(stored.observedAt()),
            stored.seq(),
            e.kind(),
            what,
            e.source(),
            millis(lag));
    return colour ? colourOf(e.kind()) + text + RESET : text;
  }

  /** {@code 1.234s} or {@code 87ms}. */
  public static String millis(Duration d) {
    long ms = d.toMillis();
    return ms >= 1000 ? String.format("%.3fs", ms / 1000.0) : ms + "ms";
  }

  private static String colourOf(String kind) {
    return switch (kind) {
      case "grant_created" -> "\u001b[32m";
      case "grant_revoked" -> "\u001b[33m";
      case "resource_deleted" -> "\u001b[31m";
      default -> "\u001b[36m";
    };
  }
}
