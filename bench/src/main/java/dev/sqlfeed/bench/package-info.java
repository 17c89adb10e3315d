/**
 * Measurements, never assertions: JMH benchmarks that each run beside the baseline they are
 * compared with (plain JDBC, one bare CEL program), and the embedded memory soak. Figures are
 * reported as ratios against the baseline of the same run, because this machine's absolute speed
 * varies with whatever else shares its two cores.
 */
package dev.sqlfeed.bench;
