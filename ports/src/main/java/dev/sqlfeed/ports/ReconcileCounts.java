package dev.sqlfeed.ports;

/**
 * What a full sync's reconciliation did: the differences it found between its full read and the
 * mirror, and applied as events, per kind. A non-zero count after a quiet period means that the
 * incremental sources missed something (a hard delete, a change without a cursor move).
 *
 * @param baseline true for an app's first full sync, which had no mirror to compare with: it
 *     swapped its read in as the baseline and wrote no events (every count is zero)
 * @param resourcesChanged {@code resource_changed} events: resources that were new or read
 *     differently (display name, description, parent, traits or entitlements)
 * @param resourcesDeleted {@code resource_deleted} events: resources in the mirror that the read no
 *     longer found (their entitlements and the grants on them went with them)
 * @param grantsCreated {@code grant_created} events: grants read that the mirror did not have
 * @param grantsRevoked {@code grant_revoked} events: grants in the mirror that the read no longer
 *     found, on resources that stayed
 */
public record ReconcileCounts(
    boolean baseline,
    long resourcesChanged,
    long resourcesDeleted,
    long grantsCreated,
    long grantsRevoked) {

  /** No differences (also: a run that is running, or failed before reconciling). */
  public static final ReconcileCounts NONE = new ReconcileCounts(false, 0, 0, 0, 0);

  /** A first full sync: nothing compared, nothing emitted. */
  public static final ReconcileCounts BASELINE = new ReconcileCounts(true, 0, 0, 0, 0);

  public ReconcileCounts {
    if (resourcesChanged < 0 || resourcesDeleted < 0 || grantsCreated < 0 || grantsRevoked < 0) {
      throw new IllegalArgumentException("difference counts must not be negative");
    }
    if (baseline && total() != 0) {
      throw new IllegalArgumentException("a baseline has no differences");
    }
  }

  /** Every difference, of all kinds. */
  public long total() {
    return resourcesChanged + resourcesDeleted + grantsCreated + grantsRevoked;
  }

  /** These counts plus one event of {@code kind} ({@code resource_changed} ...). */
  public ReconcileCounts plus(String kind) {
    return switch (kind) {
      case "resource_changed" ->
          new ReconcileCounts(
              false, resourcesChanged + 1, resourcesDeleted, grantsCreated, grantsRevoked);
      case "resource_deleted" ->
          new ReconcileCounts(
              false, resourcesChanged, resourcesDeleted + 1, grantsCreated, grantsRevoked);
      case "grant_created" ->
          new ReconcileCounts(
              false, resourcesChanged, resourcesDeleted, grantsCreated + 1, grantsRevoked);
      case "grant_revoked" ->
          new ReconcileCounts(
              false, resourcesChanged, resourcesDeleted, grantsCreated, grantsRevoked + 1);
      default -> throw new IllegalArgumentException("not an event kind: " + kind);
    };
  }
}
