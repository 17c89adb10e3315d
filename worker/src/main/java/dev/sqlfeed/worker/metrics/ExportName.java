package dev.sqlfeed.worker.metrics;

import io.prometheus.metrics.model.snapshots.Labels;

/**
 * The name, labels and help a Dropwizard metric is exported under, to Prometheus and to JMX.
 *
 * @param name the Prometheus name, without the {@code _total} a counter gets in the text format
 */
record ExportName(String name, Labels labels, String help) {}
