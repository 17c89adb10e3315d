package dev.sqlfeed.worker.temporal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TimerLockLogTest {
  @Test
  void keepsTheNewestEntriesOnly() {
    TimerLockLog log = new TimerLockLog();
    for (int i = 0; i < TimerLockLog.KEPT + 5; i++) {
      log.add(i);
    }

    assertThat(log).hasSize(TimerLockLog.KEPT);
    assertThat(log.getFirst()).isEqualTo(5);
    assertThat(log.getLast()).isEqualTo(TimerLockLog.KEPT + 4);
  }

  @Test
  void takesAnEntryOutByIdentity() {
    TimerLockLog log = new TimerLockLog();
    Object first = new Object();
    Object second = new Object();
    log.add(first);
    log.add(second);

    assertThat(log.remove(first)).isTrue();

    assertThat(log).containsExactly(second);
  }

  @Test
  void anEntryDroppedForItsAgeIsNoError() {
    TimerLockLog log = new TimerLockLog();
    Object old = new Object();
    log.add(old);
    for (int i = 0; i < TimerLockLog.KEPT; i++) {
      log.add(i);
    }

    assertThat(log.remove(old)).isTrue();
    assertThat(log).hasSize(TimerLockLog.KEPT);
  }
}
