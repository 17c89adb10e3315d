/**
 * The worker's metrics: a Dropwizard registry filled from the activities' requests and results
 * (full syncs and their reconciliation differences, source pages, lags, cycle durations, failures),
 * from the store's page writes, and by HikariCP's pools; exported in Prometheus' text format
 * through client_java's Dropwizard bridge, and as MBeans through Dropwizard's JMX reporter.
 */
package dev.sqlfeed.worker.metrics;
