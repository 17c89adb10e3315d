package dev.sqlfeed.workflows;

/**
 * Spreads sources' polls over the poll interval. Each source polls at a fixed phase of the
 * interval, derived from its workflow id, instead of {@code poll_interval} after its last cycle
 * ended: many sources started together then no longer poll in lockstep (one burst of work per
 * interval), and a source's polls start exactly one interval apart instead of drifting by each
 * cycle's length. Deterministic: a function of the id, the workflow's time and the interval alone.
 */
final class PollPhase {
  private PollPhase() {}

  /**
   * How long to wait, from {@code nowMillis}, for the source's next poll: until the next time whose
   * offset within the interval is the source's phase. Never longer than the interval, so a source
   * still polls at least once per interval; the first wait after a start may be shorter.
   */
  static long waitMillis(String workflowId, long nowMillis, long intervalMillis) {
    long interval = Math.max(1, intervalMillis);
    long phase = Math.floorMod(mix(workflowId.hashCode()), interval);
    long sinceSlot = Math.floorMod(nowMillis - phase, interval);
    return interval - sinceSlot;
  }

  /**
   * Scatters the bits of a string hash (the finaliser of the SplitMix64 generator), so that keys
   * that differ in one character (s1, s2 ...) land far apart in the interval.
   */
  static long mix(long hash) {
    long z = hash + 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
