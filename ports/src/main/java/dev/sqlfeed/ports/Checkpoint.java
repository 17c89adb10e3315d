package dev.sqlfeed.ports;

import java.time.Instant;
import java.util.Objects;

/**
 * A source's committed cursor as the store keeps it: where the next scan starts (less the overlap).
 * Written only in the transaction of a cycle's last page.
 */
public record Checkpoint(String app, String source, Instant cursor, Instant committedAt) {
  public Checkpoint {
    Objects.requireNonNull(app, "app");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(cursor, "cursor");
    Objects.requireNonNull(committedAt, "committedAt");
  }
}
