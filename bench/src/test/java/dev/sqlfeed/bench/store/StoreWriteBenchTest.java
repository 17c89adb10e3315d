package dev.sqlfeed.bench.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sqlfeed.domain.feed.FeedEvent;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StoreWriteBenchTest {
  /** A page whose ids the log had would be dropped, and the write measured would be cheaper. */
  @Test
  void events_ofConsecutivePages_neverShareAnId() {
    Set<String> ids = new HashSet<>();
    for (long page = 0; page < 3; page++) {
      for (FeedEvent.GrantCreated event : StoreWriteBench.events(page)) {
        assertThat(ids.add(event.id())).as(event.id()).isTrue();
      }
    }
    assertThat(ids).hasSize(3 * StoreWriteBench.EVENTS);
  }
}
