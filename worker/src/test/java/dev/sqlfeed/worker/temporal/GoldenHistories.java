package dev.sqlfeed.worker.temporal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sqlfeed.workflows.WorkflowTypes;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.common.WorkflowExecutionHistory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The golden histories that {@code GoldenHistoryReplayTest} in the workflows module replays: each
 * recorded history is checked here (it replays, and it carries nothing of the machine or of the
 * rows), and written to that module's test resources when {@code -Dsqlfeed.recordGolden=true}.
 */
final class GoldenHistories {
  /** Set to record the golden histories anew (see workflows/src/test/resources/golden). */
  static final boolean RECORD = Boolean.getBoolean("sqlfeed.recordGolden");

  private static final Pattern DATA = Pattern.compile("\"data\": \"([^\"]*)\"");

  private GoldenHistories() {}

  /**
   * Checks a history and, when recording, writes it as {@code <name>.json} (a full sync's as {@code
   * full-sync/<name>.json}).
   *
   * @param forbidden texts that must appear nowhere in it, payloads decoded: paths, row values
   */
  static void check(String name, WorkflowExecutionHistory history, Collection<String> forbidden)
      throws Exception {
    String type = WorkflowTypes.of(history).orElseThrow();
    HistoryReplay.replay(history, WorkflowTypes.implementation(type).orElseThrow());
    // A workflow task that failed or timed out (a slow machine) is retried, but it would make the
    // golden file the record of a hiccup rather than of the scenario.
    assertThat(events(history, EventType.EVENT_TYPE_WORKFLOW_TASK_FAILED)).isEmpty();
    assertThat(events(history, EventType.EVENT_TYPE_WORKFLOW_TASK_TIMED_OUT)).isEmpty();
    String json = history.toJson(true);
    List<String> payloads = payloads(json);
    assertThat(payloads).as("the payloads of %s.json", name).isNotEmpty();
    String readable = json + "\n" + String.join("\n", payloads);
    for (String text : forbidden) {
      assertThat(readable).as("%s.json must not carry %s", name, text).doesNotContain(text);
    }
    assertThat(readable).as("%s.json names no machine", name).doesNotContain("@" + host());
    if (RECORD) {
      Path file = folder().resolve(name + ".json");
      try {
        Files.writeString(file, json + "\n", StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** The payloads of a history's JSON, decoded (Temporal writes them as base64). */
  static List<String> payloads(String json) {
    List<String> decoded = new ArrayList<>();
    Matcher m = DATA.matcher(json.replace("\\u003d", "="));
    while (m.find()) {
      decoded.add(new String(Base64.getDecoder().decode(m.group(1)), StandardCharsets.UTF_8));
    }
    return decoded;
  }

  /** How many times the workflow scheduled an activity of the type. */
  static long scheduled(WorkflowExecutionHistory history, String activityType) {
    return history.getEvents().stream()
        .filter(e -> e.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED)
        .filter(
            e ->
                e.getActivityTaskScheduledEventAttributes()
                    .getActivityType()
                    .getName()
                    .equals(activityType))
        .count();
  }

  /** The history's events of one type. */
  static List<HistoryEvent> events(WorkflowExecutionHistory history, EventType type) {
    return history.getEvents().stream().filter(e -> e.getEventType() == type).toList();
  }

  /**
   * The workflows module's golden folder, from this module's base directory (Maven's {@code
   * basedir}, else the working directory, which Maven sets to it).
   */
  static Path folder() {
    Path base = Path.of(System.getProperty("basedir", System.getProperty("user.dir")));
    Path folder =
        base.resolve("../workflows/src/test/resources/golden").toAbsolutePath().normalize();
    assertThat(folder).as("the golden folder of the workflows module").isDirectory();
    return folder;
  }

  private static String host() {
    try {
      return java.net.InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "localhost";
    }
  }
}
