package dev.sqlfeed.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PollPhaseTest {
  private static final long INTERVAL = 30_000;

  @Test
  void waitMillis_isPositive_andNeverLongerThanTheInterval() {
    long seed = 20261204L;
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = 0; i < 10_000; i++) {
      String id = "sqlfeed/app/s" + random.nextInt(1000);
      long now = random.nextLong(1L << 45);
      long interval = 1 + random.nextLong(3_600_000);

      long wait = PollPhase.waitMillis(id, now, interval);

      assertThat(wait).as("seed %d, %s at %d every %d", seed, id, now, interval).isPositive();
      assertThat(wait)
          .as("seed %d, %s at %d every %d", seed, id, now, interval)
          .isLessThanOrEqualTo(interval);
    }
  }

  @Test
  void afterACycleThatStartedAtItsPhase_theNextPollIsOneIntervalLater() {
    String id = "sqlfeed/app/user";
    long slot = 1_800_000_000_000L;
    slot += PollPhase.waitMillis(id, slot, INTERVAL);

    for (long cycleMillis : new long[] {0, 1, 250, 7_000, INTERVAL - 1}) {
      long end = slot + cycleMillis;
      assertThat(end + PollPhase.waitMillis(id, end, INTERVAL))
          .as("a cycle of %d ms", cycleMillis)
          .isEqualTo(slot + INTERVAL);
    }
  }

  @Test
  void twoHundredSourcesStartedTogether_pollSpreadOverTheInterval() {
    long now = 1_800_000_000_000L;
    int[] perSecond = new int[(int) (INTERVAL / 1000)];
    for (int i = 0; i < 200; i++) {
      long wait = PollPhase.waitMillis("sqlfeed/idle/s" + i, now, INTERVAL);
      perSecond[(int) ((wait - 1) / 1000)]++;
    }

    int busiest = 0;
    int used = 0;
    for (int n : perSecond) {
      busiest = Math.max(busiest, n);
      used += n > 0 ? 1 : 0;
    }
    // Evenly: 6.7 a second. In lockstep all 200 would share one second.
    assertThat(used).isEqualTo(perSecond.length);
    assertThat(busiest).isLessThanOrEqualTo(14);
  }
}
