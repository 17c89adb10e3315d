package dev.sqlfeed.bench.figures;

import java.time.Duration;

/**
 * How big each workload of one figures run is: the full run that issue #10 names, or the smoke run
 * that CI affords (its figures show that every workload runs, not how fast).
 *
 * @param mode {@code full} or {@code smoke}, as the report names it
 * @param backlog rows of the changed backlog (P1, full sync, P3, P4's large side)
 * @param smallBacklog rows of P4's small backlog
 * @param idleBig rows of P2's large table
 * @param idleSmall rows of P2's small table, the baseline
 * @param sameTick rows of the table whose last rows share one timestamp
 * @param sameTickShared how many of its last rows share that timestamp
 * @param manySources P6's worker: sources of the measured worker
 * @param fewSources P6's baseline worker: sources
 * @param pollInterval P6's poll interval
 * @param warmUp P6: time left to a worker to start, finish its first cycles and have its hot code
 *     compiled, before its CPU is measured
 * @param window P6: how long its CPU is measured
 * @param idleRepeats idle cycles run after the committing one; the cheapest counts (warm cache)
 */
public record Sizes(
    String mode,
    int backlog,
    int smallBacklog,
    int idleBig,
    int idleSmall,
    int sameTick,
    int sameTickShared,
    int manySources,
    int fewSources,
    Duration pollInterval,
    Duration warmUp,
    Duration window,
    int idleRepeats) {

  /** The figures issue #10 asks for. */
  public static Sizes full() {
    return new Sizes(
        "full",
        1_000_000,
        100_000,
        10_000_000,
        10_000,
        20_000,
        10_000,
        200,
        20,
        Duration.ofSeconds(30),
        // Five minutes, as ManyIdleSources --warmup-s 300: measured from 45 s, the JIT's warm-up
        // doubled the figure (28 % against 12.7 % of one core in the steady state).
        Duration.ofMinutes(5),
        Duration.ofMinutes(2),
        2);
  }

  /** Every workload, sized down to run in seconds. */
  public static Sizes smoke() {
    return new Sizes(
        "smoke",
        3_000,
        1_000,
        20_000,
        2_000,
        1_500,
        1_000,
        6,
        2,
        Duration.ofSeconds(1),
        Duration.ofSeconds(2),
        Duration.ofSeconds(2),
        1);
  }
}
