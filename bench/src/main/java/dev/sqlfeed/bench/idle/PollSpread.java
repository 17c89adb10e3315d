package dev.sqlfeed.bench.idle;

import java.util.List;

/**
 * How evenly polls fall over the poll interval: each poll's phase (its time modulo the interval) is
 * put in a one-second slot; lockstep polls crowd into one slot, spread ones share them out.
 *
 * @param polls polls counted
 * @param slots one-second slots in the interval
 * @param busiestSlot polls in the fullest slot
 * @param slotsUsed slots with at least one poll
 */
record PollSpread(int polls, int slots, int busiestSlot, int slotsUsed) {

  /** The spread of {@code pollMillis} (wall-clock times) over an interval of {@code interval}. */
  static PollSpread of(List<Long> pollMillis, long intervalMillis) {
    int slots = (int) Math.max(1, intervalMillis / 1000);
    int[] counts = new int[slots];
    for (long t : pollMillis) {
      counts[(int) (Math.floorMod(t, intervalMillis) * slots / intervalMillis)]++;
    }
    int busiest = 0;
    int used = 0;
    for (int c : counts) {
      busiest = Math.max(busiest, c);
      used += c > 0 ? 1 : 0;
    }
    return new PollSpread(pollMillis.size(), slots, busiest, used);
  }

  /** The fullest slot's share of all polls: 1/slots when perfectly even, 1 in lockstep. */
  double busiestShare() {
    return polls == 0 ? 0 : (double) busiestSlot / polls;
  }
}
