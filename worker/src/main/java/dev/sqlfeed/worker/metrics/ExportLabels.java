package dev.sqlfeed.worker.metrics;

import io.prometheus.metrics.instrumentation.dropwizard5.labels.CustomLabelMapper;
import io.prometheus.metrics.instrumentation.dropwizard5.labels.MapperConfig;
import io.prometheus.metrics.model.snapshots.Labels;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Tells the Prometheus bridge the name and labels of each Dropwizard metric from the table that
 * {@link SqlfeedMetrics} keeps, instead of the bridge's patterns over dot-separated names: source
 * keys ({@code team.grants.0.changes}) and pool names hold dots themselves.
 */
final class ExportLabels extends CustomLabelMapper {
  private final Function<String, Optional<ExportName>> names;

  ExportLabels(Function<String, Optional<ExportName>> names) {
    // The bridge's mapper needs a pattern; this one never matches a name sqlfeed registers, and
    // getName and getLabels below answer before any pattern is consulted.
    super(List.of(new MapperConfig("sqlfeed.unused.*", "sqlfeed_unused", Map.of())));
    this.names = names;
  }

  @Override
  public String getName(String dropwizardName) {
    return names.apply(dropwizardName).map(ExportName::name).orElse(dropwizardName);
  }

  @Override
  public Labels getLabels(
      String dropwizardName, List<String> extraNames, List<String> extraValues) {
    Labels extra = Labels.of(extraNames, extraValues);
    return names.apply(dropwizardName).map(n -> n.labels().merge(extra)).orElse(extra);
  }
}
