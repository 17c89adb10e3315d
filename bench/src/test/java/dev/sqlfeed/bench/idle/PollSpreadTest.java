package dev.sqlfeed.bench.idle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PollSpreadTest {
  @Test
  void lockstepPolls_crowdIntoOneSlot() {
    List<Long> polls = new ArrayList<>();
    for (int cycle = 0; cycle < 4; cycle++) {
      for (int source = 0; source < 50; source++) {
        polls.add(1_000_000L + cycle * 30_000L + source * 7);
      }
    }

    PollSpread spread = PollSpread.of(polls, 30_000);

    assertThat(spread.busiestSlot()).isEqualTo(200);
    assertThat(spread.slotsUsed()).isEqualTo(1);
    assertThat(spread.busiestShare()).isEqualTo(1.0);
  }

  @Test
  void pollsAtEvenPhases_fillEverySlotOnce() {
    List<Long> polls = new ArrayList<>();
    for (int source = 0; source < 30; source++) {
      polls.add(90_000L + source * 1_000L + 500);
    }

    PollSpread spread = PollSpread.of(polls, 30_000);

    assertThat(spread.slots()).isEqualTo(30);
    assertThat(spread.slotsUsed()).isEqualTo(30);
    assertThat(spread.busiestSlot()).isEqualTo(1);
  }
}
