package dev.sqlfeed.worker.http;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The worker's health, as {@code /healthz} answers it.
 *
 * @param app the config's {@code app_name}
 * @param polling whether the worker polls its task queue now (not while it starts, recycles the
 *     embedded Temporal server or stops)
 * @param sources how many incremental sources the worker runs
 * @param failing the sources that are not well, in source order
 */
public record HealthReport(String app, boolean polling, int sources, List<Failing> failing) {
  public HealthReport {
    Objects.requireNonNull(app, "app");
    failing = List.copyOf(failing);
  }

  /**
   * A source that is not well.
   *
   * @param source the source key
   * @param phase the workflow's phase, or {@code unknown} when it did not answer
   * @param consecutiveFailures cycles failed in a row (0 when the workflow did not answer)
   * @param error why, on one line
   */
  public record Failing(String source, String phase, long consecutiveFailures, String error) {
    public Failing {
      Objects.requireNonNull(source, "source");
      Objects.requireNonNull(phase, "phase");
      Objects.requireNonNull(error, "error");
    }
  }

  /** Whether all is well: the worker polls and no source is failing. */
  public boolean ok() {
    return polling && failing.isEmpty();
  }

  /** {@code ok}, {@code failing} or {@code not_polling}. */
  public String status() {
    return !polling ? "not_polling" : failing.isEmpty() ? "ok" : "failing";
  }

  /** The answer's JSON body: status, app, polling, sources, failing. */
  public Map<String, Object> json() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("status", status());
    json.put("app", app);
    json.put("polling", polling);
    json.put("sources", sources);
    json.put(
        "failing",
        failing.stream()
            .map(
                f -> {
                  Map<String, Object> m = new LinkedHashMap<>();
                  m.put("source", f.source());
                  m.put("phase", f.phase());
                  m.put("consecutive_failures", f.consecutiveFailures());
                  m.put("error", f.error());
                  return m;
                })
            .toList());
    return json;
  }
}
