package dev.sqlfeed.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sqlfeed.domain.feed.CanonicalTime;
import dev.sqlfeed.domain.feed.CycleCounters;
import dev.sqlfeed.domain.feed.CycleError;
import dev.sqlfeed.domain.feed.CycleState;
import dev.sqlfeed.domain.feed.CycleStateWire;
import dev.sqlfeed.domain.feed.KeyValue;
import dev.sqlfeed.domain.feed.KeysetPosition;
import dev.sqlfeed.domain.feed.PageSummary;
import dev.sqlfeed.domain.feed.RunningCycle;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Workflow code must replay to the same commands every time: no clock, randomness, threads, I/O or
 * JDBC. This test reads the compiled workflow classes and fails on any reference to such an API.
 */
class WorkflowDeterminismTest {
  /** Classes of the package that never run inside a workflow (client and activity side). */
  private static final Set<String> OUTSIDE_WORKFLOWS =
      Set.of(
          "SourceWorkflows",
          "SourceWorkflows$Start",
          "FeedActivitiesImpl",
          "CursorChecks",
          "FeedPageReader",
          "FeedPageReader$Mapped",
          "PagePipeline",
          "PagePipeline$Stage",
          "PagePipeline$Item",
          "PagePipeline$Page",
          "PagePipeline$Failed",
          "PagePipeline$End",
          "PagePipeline$Stopped",
          "ReadPage",
          "FeedFailures",
          "FullSyncWorkflows",
          "FullSyncWorkflows$Start",
          "FullSyncActivitiesImpl");

  /** The domain's code that runs inside the workflow: the cycle state machine and its values. */
  private static final List<Class<?>> DOMAIN_CLASSES_IN_WORKFLOWS =
      List.of(
          CycleState.class,
          CycleStateWire.class,
          RunningCycle.class,
          CycleCounters.class,
          CycleError.class,
          KeysetPosition.class,
          KeyValue.class,
          KeyValue.Type.class,
          PageSummary.class,
          CanonicalTime.class);

  private static final List<String> FORBIDDEN_PACKAGES =
      List.of(
          "java/io/",
          "java/nio/",
          "java/net/",
          "java/sql/",
          "javax/sql/",
          "java/util/concurrent/",
          "java/lang/reflect/");

  private static final List<String> FORBIDDEN_CLASSES =
      List.of(
          "java/lang/Thread",
          "java/lang/ThreadLocal",
          "java/lang/Runtime",
          "java/lang/ProcessBuilder",
          "java/util/Random",
          "java/util/SplittableRandom",
          "java/security/SecureRandom",
          "java/util/Timer",
          "java/time/Clock",
          "java/time/InstantSource");

  private static final List<String> FORBIDDEN_MEMBERS =
      List.of(
          "java/lang/System.currentTimeMillis",
          "java/lang/System.nanoTime",
          "java/lang/System.getenv",
          "java/lang/System.getProperty",
          "java/lang/Math.random",
          "java/lang/StrictMath.random",
          "java/util/UUID.randomUUID",
          "java/lang/Object.wait",
          "java/lang/Object.notify",
          "java/lang/Object.notifyAll");

  @Test
  void workflowClasses_callNoClockRandomThreadOrIo() throws Exception {
    List<Path> classes = workflowClasses();
    List<String> violations = new ArrayList<>();
    for (Path c : classes) {
      violations.addAll(violations(c.getFileName().toString(), ClassReferences.of(c)));
    }

    assertThat(classes)
        .extracting(p -> p.getFileName().toString())
        .contains(
            "SourceWorkflowImpl.class",
            "SourceState.class",
            "ScanRequest.class",
            "FullSyncWorkflowImpl.class",
            "FullSyncState.class",
            "FullSyncFailure.class");
    assertThat(violations).isEmpty();
  }

  @Test
  void domainClassesTheWorkflowRuns_callNoClockRandomThreadOrIo() throws IOException {
    List<String> violations = new ArrayList<>();
    for (Class<?> c : DOMAIN_CLASSES_IN_WORKFLOWS) {
      violations.addAll(violations(c.getName(), ClassReferences.of(c)));
    }

    assertThat(violations).isEmpty();
  }

  @Test
  void theScan_findsAClockCall() throws IOException {
    assertThat(violations("Clocked", ClassReferences.of(Clocked.class)))
        .anyMatch(v -> v.contains("java/time/Instant.now"))
        .anyMatch(v -> v.contains("java/lang/Thread"))
        .anyMatch(v -> v.contains("java/util/UUID.randomUUID"));
  }

  static List<String> violations(String name, ClassReferences refs) {
    List<String> found = new ArrayList<>();
    for (String c : refs.classes()) {
      if (FORBIDDEN_PACKAGES.stream().anyMatch(c::startsWith) || FORBIDDEN_CLASSES.contains(c)) {
        found.add(name + " uses " + c);
      }
    }
    for (String m : refs.members()) {
      boolean clockNow = m.startsWith("java/time/") && m.endsWith(".now");
      if (clockNow || FORBIDDEN_MEMBERS.contains(m)) {
        found.add(name + " calls " + m);
      }
    }
    for (String d : refs.descriptors()) {
      for (String p : FORBIDDEN_PACKAGES) {
        if (d.contains("L" + p)) {
          found.add(name + " mentions " + d);
        }
      }
    }
    return found;
  }

  private static List<Path> workflowClasses() throws IOException, URISyntaxException {
    Path folder =
        Path.of(SourceWorkflowImpl.class.getResource("SourceWorkflowImpl.class").toURI())
            .getParent();
    try (Stream<Path> files = Files.list(folder)) {
      return files
          .filter(f -> f.toString().endsWith(".class"))
          .filter(f -> !OUTSIDE_WORKFLOWS.contains(baseName(f)))
          .sorted()
          .toList();
    }
  }

  private static String baseName(Path classFile) {
    String n = classFile.getFileName().toString();
    String name = n.substring(0, n.length() - ".class".length());
    int inner = name.indexOf('$');
    boolean activities =
        name.startsWith("FeedActivitiesImpl") || name.startsWith("FullSyncActivitiesImpl");
    return activities && inner > 0 ? name.substring(0, inner) : name;
  }

  /** A class that does everything workflow code must not. */
  static final class Clocked {
    Object all() {
      new Thread(() -> {}).start();
      return Instant.now() + java.util.UUID.randomUUID().toString();
    }
  }
}
