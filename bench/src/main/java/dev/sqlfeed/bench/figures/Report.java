package dev.sqlfeed.bench.figures;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Writes a run's figures as {@code BENCHMARKS.md} and {@code benchmarks.json}. */
final class Report {
  static final String MARKDOWN = "BENCHMARKS.md";
  static final String JSON = "benchmarks.json";

  private Report() {}

  static void write(Path dir, RunInfo info, List<Figure> figures) throws IOException {
    Files.createDirectories(dir);
    Files.writeString(dir.resolve(MARKDOWN), markdown(info, figures));
    new ObjectMapper()
        .enable(SerializationFeature.INDENT_OUTPUT)
        .writeValue(dir.resolve(JSON).toFile(), json(info, figures));
  }

  static String markdown(RunInfo info, List<Figure> figures) {
    StringBuilder md = new StringBuilder();
    md.append("# sqlfeed benchmarks\n\n")
        .append("Written by `bench/run.sh` (issue #10, item 8); docs/benchmarks.md")
        .append(" says what each workload does.")
        .append(" Every workload ran beside its baseline in this one run; a ratio compares the")
        .append(" two, in the sense of the target.\n\n");
    if (info.mode().equals("smoke")) {
      md.append("**Smoke run:** every workload sized down to seconds. These figures show that")
          .append(" the workloads run, not how fast sqlfeed is; no target applies to them.\n\n");
    }
    md.append("| | |\n|---|---|\n")
        .append(row("command", "`" + info.command() + "`"))
        .append(row("mode", info.mode()))
        .append(
            row(
                "date",
                info.started()
                    + " to "
                    + info.finished()
                    + " ("
                    + minutes(Duration.between(info.started(), info.finished()))
                    + ")"))
        .append(row("git commit", info.commit()))
        .append(
            row(
                "machine",
                Machine.cores()
                    + " cores, "
                    + Machine.memoryMb()
                    + " MB RAM, "
                    + Machine.os()
                    + ", "
                    + Machine.java()))
        .append(
            row(
                "load average (1, 5, 15 min)",
                "before " + info.loadBefore() + ", after " + info.loadAfter()))
        .append('\n');
    md.append("| workload | baseline | baseline figure | sqlfeed | ratio | target | met? |\n")
        .append("|---|---|---|---|---|---|---|\n");
    for (Figure f : figures) {
      md.append("| ")
          .append(f.workload())
          .append(" | ")
          .append(f.baselineLabel())
          .append(" | ")
          .append(number(f.baseline()))
          .append(unit(f))
          .append(" | ")
          .append(number(f.sqlfeed()))
          .append(unit(f))
          .append(" | ")
          .append(ratio(f.ratio()))
          .append(" | ")
          .append(f.target().isEmpty() ? "—" : f.target())
          .append(" | ")
          .append(f.verdict().cell())
          .append(" |\n");
    }
    md.append("\n## Notes\n\n");
    if (!info.retries().isEmpty()) {
      md.append("sqlfeed processes that exited 3 without reaching their embedded Temporal server")
          .append(" and were run again (their figures are the repeated run's):\n\n");
      for (String retry : info.retries()) {
        md.append("- ").append(retry).append('\n');
      }
      md.append('\n');
    }
    for (Figure f : figures) {
      md.append("- `").append(f.id()).append("`: ").append(f.note()).append('\n');
      if (!f.hotFrames().isEmpty()) {
        md.append("  Profile of the missed target (JFR CPU samples):\n\n");
        for (String frame : f.hotFrames()) {
          md.append("  - `").append(frame).append("`\n");
        }
        md.append('\n');
      }
    }
    return md.toString();
  }

  private static Map<String, Object> json(RunInfo info, List<Figure> figures) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("mode", info.mode());
    root.put("command", info.command());
    root.put("started", info.started().toString());
    root.put("finished", info.finished().toString());
    root.put("commit", info.commit());
    Map<String, Object> machine = new LinkedHashMap<>();
    machine.put("cores", Machine.cores());
    machine.put("memory_mb", Machine.memoryMb());
    machine.put("os", Machine.os());
    machine.put("java", Machine.java());
    machine.put("load_before", info.loadBefore());
    machine.put("load_after", info.loadAfter());
    root.put("machine", machine);
    root.put("retries", info.retries());
    root.put(
        "figures",
        figures.stream()
            .map(
                f -> {
                  Map<String, Object> m = new LinkedHashMap<>();
                  m.put("id", f.id());
                  m.put("workload", f.workload());
                  m.put("baseline", f.baselineLabel());
                  m.put("baseline_value", finite(f.baseline()));
                  m.put("sqlfeed_value", finite(f.sqlfeed()));
                  m.put("unit", f.unit());
                  m.put("ratio", finite(f.ratio()));
                  m.put("target", f.target());
                  m.put("met", f.verdict().name().toLowerCase(Locale.ROOT));
                  m.put("note", f.note());
                  m.put("hot_frames", f.hotFrames());
                  return m;
                })
            .toList());
    return root;
  }

  private static Double finite(double value) {
    return Double.isFinite(value) ? value : null;
  }

  private static String row(String key, String value) {
    return "| " + key + " | " + value + " |\n";
  }

  private static String unit(Figure f) {
    return f.unit().isEmpty() || !Double.isFinite(f.sqlfeed()) ? "" : " " + f.unit();
  }

  static String number(double value) {
    if (!Double.isFinite(value)) {
      return "—";
    }
    double abs = Math.abs(value);
    if (abs >= 100) {
      return String.format(Locale.ROOT, "%,.0f", value);
    }
    return String.format(Locale.ROOT, abs >= 10 ? "%.1f" : "%.2f", value);
  }

  private static String ratio(double value) {
    if (!Double.isFinite(value)) {
      return "—";
    }
    return String.format(Locale.ROOT, value < 0.1 ? "%.3f×" : "%.2f×", value);
  }

  private static String minutes(Duration d) {
    return String.format(Locale.ROOT, "%d min %02d s", d.toMinutes(), d.toSecondsPart());
  }
}
