package dev.sqlfeed.ports;

import dev.sqlfeed.domain.mirror.ResourceRef;
import java.time.Instant;
import java.util.Objects;

/**
 * A look at one resource's grants that a grants source owes: the resource came into the mirror
 * through an event while the mirror knew nothing of it (neither it nor a grant on it), so a
 * membership the source read past while the resource was soft-deleted would be missing for good.
 * Once the source has scanned its rows up to {@code due}, it reads the resource's grants with its
 * grants query and gives the mirror those it lacks (see {@link
 * dev.sqlfeed.ports.feed.GrantChecker}).
 *
 * @param source the grants source's key ({@code <type>.grants.<n>.changes})
 * @param resource the resource
 * @param eventId the id of the event that put the resource into the mirror: the restored grants'
 *     ids are made from it
 * @param cursor that event's cursor, the cursor of the grants it restores
 * @param due the upper bound of the window in which the resource's source read it: the resource
 *     came back before this, so every membership changed while it was deleted has a cursor before
 *     it (when the application stamps both tables with one clock, as the safety lag assumes too)
 */
public record GrantCheck(
    String source, ResourceRef resource, String eventId, Instant cursor, Instant due) {
  public GrantCheck {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(resource, "resource");
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(cursor, "cursor");
    Objects.requireNonNull(due, "due");
  }
}
