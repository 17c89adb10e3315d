package dev.sqlfeed.workflows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sqlfeed.ports.MirrorCounts;
import dev.sqlfeed.ports.SyncRun;
import io.temporal.api.common.v1.Payload;
import io.temporal.common.converter.DataConverter;
import io.temporal.common.converter.DefaultDataConverter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The full sync workflow's records survive Temporal's JSON converter, and carry no rows. */
class FullSyncWireFormatTest {
  private final DataConverter converter = DefaultDataConverter.STANDARD_INSTANCE;

  static FullSyncState fullState() {
    return new FullSyncState(
        7,
        2,
        4,
        3,
        new FullSyncResult("acme", 42, 1000, 20, 3000, 5, 1, 7, 2, 61_000),
        new FullSyncFailure(
            FeedFailures.SOURCE_UNAVAILABLE, "connection refused", true, "2026-11-25T09:00:00Z"),
        false,
        "2026-11-25T10:00:01Z",
        1_795_600_000_000L,
        true,
        3);
  }

  private <T> T roundTrip(T value, Class<T> type) {
    Payload payload = converter.toPayload(value).orElseThrow();
    return converter.fromPayload(payload, type, type);
  }

  @Test
  void inputWithState_roundTrips() {
    FullSyncInput input = new FullSyncInput("acme", false, 3_600_000, 50, fullState());

    assertThat(roundTrip(input, FullSyncInput.class)).isEqualTo(input);
  }

  @Test
  void status_roundTrips_andHoldsOnlyCounts() {
    FullSyncStatus status =
        new FullSyncStatus("acme", "waiting", 3_600_000, "2026-11-25T11:00:01Z", fullState());

    Payload payload = converter.toPayload(status).orElseThrow();

    assertThat(converter.fromPayload(payload, FullSyncStatus.class, FullSyncStatus.class))
        .isEqualTo(status);
    assertThat(payload.getData().toString(StandardCharsets.UTF_8))
        .contains("\"resourcesDeleted\":1", "\"served\":3")
        .doesNotContain("\"ended\"", "\"differences\"");
  }

  @Test
  void onceInput_countsItsStartAsTheFirstRequest() {
    FullSyncInput once = FullSyncInput.once("acme");

    assertThat(once.state().requests()).isEqualTo(1);
    assertThat(once.state().served()).isZero();
    assertThat(roundTrip(once, FullSyncInput.class)).isEqualTo(once);
  }

  @Test
  void scheduledInput_withoutAPositiveInterval_isRejected() {
    assertThatThrownBy(() -> FullSyncInput.scheduled("acme", 0, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("positive interval");
  }

  @Test
  void result_ofASucceededRun_takesItsIdCountsAndDuration() {
    SyncRun run =
        new SyncRun(
            9,
            "acme",
            Instant.parse("2026-11-25T10:00:00Z"),
            Instant.parse("2026-11-25T10:00:02.500Z"),
            SyncRun.Outcome.SUCCEEDED,
            new MirrorCounts(3, 1, 4),
            null);

    FullSyncResult r = FullSyncResult.of(run);

    assertThat(r).isEqualTo(new FullSyncResult("acme", 9, 3, 1, 4, 0, 0, 0, 0, 2500));
  }
}
