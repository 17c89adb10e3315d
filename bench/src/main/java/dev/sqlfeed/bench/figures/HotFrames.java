package dev.sqlfeed.bench.figures;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * The top frames of a flight recording's CPU samples ({@code jdk.ExecutionSample}): the methods
 * most often on top of the stack, and the sqlfeed methods most often the nearest sqlfeed frame
 * (where the product's own code spends, callees included). JDK 17's {@code jfr} tool has no {@code
 * view hot-methods}, so the recording is read with {@code jdk.jfr.consumer}.
 */
final class HotFrames {
  private static final int TOP = 6;

  private HotFrames() {}

  /** Lines such as {@code 23.1 % top: java.lang.String.hashCode}; one line if unreadable. */
  static List<String> of(Path recording) {
    if (!Files.isRegularFile(recording)) {
      return List.of("no recording at " + recording + " (the smoke run records none)");
    }
    Map<String, Integer> top = new HashMap<>();
    Map<String, Integer> own = new HashMap<>();
    int samples = 0;
    try {
      for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
        if (!event.getEventType().getName().equals("jdk.ExecutionSample")
            || event.getStackTrace() == null
            || event.getStackTrace().getFrames().isEmpty()) {
          continue;
        }
        samples++;
        List<RecordedFrame> frames = event.getStackTrace().getFrames();
        top.merge(name(frames.get(0)), 1, Integer::sum);
        frames.stream()
            .map(HotFrames::name)
            .filter(n -> n.startsWith("dev.sqlfeed."))
            .findFirst()
            .ifPresent(n -> own.merge(n, 1, Integer::sum));
      }
    } catch (IOException e) {
      return List.of("unreadable recording " + recording + ": " + e.getMessage());
    }
    List<String> lines = new ArrayList<>();
    lines.add(samples + " CPU samples in " + recording.getFileName());
    lines.addAll(ranked("top", top, samples));
    lines.addAll(ranked("sqlfeed", own, samples));
    return lines;
  }

  private static List<String> ranked(String kind, Map<String, Integer> counts, int samples) {
    return counts.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
        .limit(TOP)
        .map(e -> String.format("%.1f %% %s: %s", 100.0 * e.getValue() / samples, kind, e.getKey()))
        .toList();
  }

  private static String name(RecordedFrame frame) {
    return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
  }
}
