/**
 * The worker's metrics: a Dropwizard registry filled from the activities' results (full syncs and
 * their reconciliation differences, source pages), exported in Prometheus' text format.
 */
package dev.sqlfeed.worker.metrics;
