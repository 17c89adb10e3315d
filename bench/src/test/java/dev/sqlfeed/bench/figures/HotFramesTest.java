package dev.sqlfeed.bench.figures;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import jdk.jfr.Recording;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HotFramesTest {
  @TempDir Path dir;

  @Test
  void recordingOfABusyLoop_namesTheLoopAmongTheTopFrames() throws Exception {
    Path file = dir.resolve("busy.jfr");
    try (Recording recording = new Recording()) {
      recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(10));
      recording.start();
      long sink = 0;
      long end = System.nanoTime() + Duration.ofSeconds(1).toNanos();
      while (System.nanoTime() < end) {
        sink += spin(sink);
      }
      recording.stop();
      recording.dump(file);
      assertThat(sink).isNotEqualTo(42);
    }

    List<String> lines = HotFrames.of(file);

    assertThat(lines.get(0)).matches("\\d+ CPU samples in busy.jfr");
    assertThat(lines).anyMatch(l -> l.contains("HotFramesTest.spin") && l.contains(" top: "));
  }

  @Test
  void missingRecording_isSaidInOneLine() {
    assertThat(HotFrames.of(dir.resolve("none.jfr")))
        .singleElement()
        .asString()
        .startsWith("no recording at ");
  }

  private static long spin(long seed) {
    long x = seed;
    for (int i = 0; i < 10_000; i++) {
      x = x * 6364136223846793005L + 1442695040888963407L;
    }
    return x;
  }
}
