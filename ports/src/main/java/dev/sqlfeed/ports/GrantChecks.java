package dev.sqlfeed.ports;

import java.util.List;

/**
 * What a page write does to the grant checks that grants sources owe ({@link GrantCheck}), in the
 * page's transaction: so a check is owed exactly when the event that owes it is in the log, and is
 * settled exactly when the grants it restores are.
 *
 * @param owed checks to record: one for an ({@code source}, {@code resource}) that is owed one
 *     already replaces it
 * @param settled checks to remove, each only while it is the one recorded (same event id)
 */
public record GrantChecks(List<GrantCheck> owed, List<GrantCheck> settled) {
  /** A page that owes and settles none. */
  public static final GrantChecks NONE = new GrantChecks(List.of(), List.of());

  public GrantChecks {
    owed = List.copyOf(owed);
    settled = List.copyOf(settled);
  }

  public boolean isEmpty() {
    return owed.isEmpty() && settled.isEmpty();
  }
}
