package dev.sqlfeed.ports.fullsync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class DeadRunsTest {
  private static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");
  private static final Instant RECENT = NOW.minusSeconds(60);
  private static final Instant SILENT = NOW.minus(DeadRuns.ABANDONED_AFTER).minusSeconds(1);

  @Test
  void aRunOfThisStoreIsAlive_andItsLockIsNotAsked() {
    AtomicBoolean asked = new AtomicBoolean();
    assertThat(DeadRuns.why(true, true, () -> asked.getAndSet(true), SILENT, NOW)).isEmpty();
    assertThat(asked).isFalse();
  }

  @Test
  void aFreeLockTellsTheProcessIsGone_atOnce() {
    assertThat(DeadRuns.why(false, true, () -> true, RECENT, NOW))
        .contains("; its process is gone (the run's lock is free)");
  }

  @Test
  void aHeldLockOrNoLock_isDeadOnlyAfterAnHourOfSilence() {
    assertThat(DeadRuns.why(false, true, () -> false, RECENT, NOW)).isEmpty();
    assertThat(DeadRuns.why(false, false, () -> true, RECENT, NOW)).isEmpty();
    assertThat(DeadRuns.why(false, false, () -> true, NOW.minus(DeadRuns.ABANDONED_AFTER), NOW))
        .isEmpty();
    assertThat(DeadRuns.why(false, true, () -> false, SILENT, NOW))
        .contains(" (its process stopped before the run ended)");
    assertThat(DeadRuns.why(false, false, () -> true, SILENT, NOW))
        .contains(" (its process stopped before the run ended)");
  }
}
