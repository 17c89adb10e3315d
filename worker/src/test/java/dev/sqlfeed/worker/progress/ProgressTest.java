package dev.sqlfeed.worker.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressTest {
  @Test
  void theTerminalBar_namesTheResourceType_andShowsTheRowCountWhenDone() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    TerminalProgress progress =
        new TerminalProgress(new PrintStream(bytes, true, StandardCharsets.UTF_8));

    progress.started("user");
    progress.advanced("user", 1234);
    progress.finished("user", 1234);

    String shown = bytes.toString(StandardCharsets.UTF_8);
    assertThat(shown).contains("user").contains("1234");
  }

  @Test
  void logProgress_writesAStartLine_aLineEveryTenSeconds_andATotalWithTheRate() {
    AtomicLong now = new AtomicLong();
    List<String> lines = new ArrayList<>();
    LogProgress progress = new LogProgress(now::get, lines::add);

    progress.advanced("unknown", 5);
    progress.started("user");
    now.addAndGet(5_000_000_000L);
    progress.advanced("user", 10);
    now.addAndGet(5_000_000_000L);
    progress.advanced("user", 10);
    progress.finished("user", 20);

    assertThat(lines)
        .containsExactly(
            "user: reading", "user: 20 rows (2 rows/s)", "user: done, 20 rows (2 rows/s)");
  }
}
