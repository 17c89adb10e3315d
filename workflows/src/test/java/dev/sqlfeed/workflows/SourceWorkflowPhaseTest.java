package dev.sqlfeed.workflows;

import static dev.sqlfeed.workflows.FeedTestEnvironment.POLL;
import static dev.sqlfeed.workflows.FeedTestEnvironment.input;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SourceWorkflowPhaseTest {
  private final ScriptedFeed feed = new ScriptedFeed();
  private final FeedTestEnvironment t = new FeedTestEnvironment(feed);

  @AfterEach
  void close() {
    t.close();
  }

  private static long phase(String sourceKey) {
    String id = SourceWorkflows.workflowId(FeedTestEnvironment.APP, sourceKey);
    return Math.floorMod(PollPhase.mix(id.hashCode()), POLL.toMillis());
  }

  private static long millis(String instant) {
    return Instant.parse(instant).toEpochMilli();
  }

  @Test
  void spreadPolls_waitForTheSourcesPhase_atMostAnIntervalAfterTheCycle() {
    for (String key : new String[] {"user", "team"}) {
      t.start(input(key, SourceSettings.of(POLL.toMillis(), 100), false));
      SourceStatus waiting = t.awaitStatus(key, s -> s.phase().equals("waiting"));

      long next = millis(waiting.nextPollAt());
      assertThat(Math.floorMod(next, POLL.toMillis())).as(key).isEqualTo(phase(key));
      assertThat(next - millis(waiting.state().lastCommitAt()))
          .as(key)
          .isPositive()
          .isLessThanOrEqualTo(POLL.toMillis());
    }
    assertThat(phase("user")).isNotEqualTo(phase("team"));
  }

  @Test
  void spreadPolls_thenEveryPollStartsOneIntervalAfterThePrevious() {
    t.start(input("user", SourceSettings.of(POLL.toMillis(), 100), false));
    SourceStatus first = t.awaitStatus("user", s -> s.phase().equals("waiting"));
    t.env.sleep(POLL);
    SourceStatus second =
        t.awaitStatus("user", s -> s.state().cycle().cycles() == 2 && s.phase().equals("waiting"));

    assertThat(millis(second.nextPollAt()) - millis(first.nextPollAt())).isEqualTo(POLL.toMillis());
  }

  @Test
  void withoutSpreading_eachWaitIsTheWholeInterval() {
    t.start(input("user", new SourceSettings(POLL.toMillis(), 100, 100, 500), false));
    SourceStatus waiting = t.awaitStatus("user", s -> s.phase().equals("waiting"));

    assertThat(millis(waiting.nextPollAt()) - millis(waiting.state().lastCommitAt()))
        .isEqualTo(POLL.toMillis());
  }
}
