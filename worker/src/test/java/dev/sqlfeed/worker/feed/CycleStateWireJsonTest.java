package dev.sqlfeed.worker.feed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sqlfeed.domain.config.SyncSettings;
import dev.sqlfeed.domain.feed.CycleState;
import dev.sqlfeed.domain.feed.CycleStateWire;
import dev.sqlfeed.domain.feed.KeyValue;
import dev.sqlfeed.domain.feed.KeysetPosition;
import dev.sqlfeed.domain.feed.PageSummary;
import io.temporal.api.common.v1.Payload;
import io.temporal.common.converter.DataConverter;
import io.temporal.common.converter.DefaultDataConverter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The cycle state's wire form survives Temporal's own (Jackson) data converter unchanged. */
class CycleStateWireJsonTest {
  private static final DataConverter CONVERTER = DefaultDataConverter.newDefaultInstance();

  private static CycleStateWire roundTrip(CycleStateWire wire) {
    Payload payload = CONVERTER.toPayload(wire).orElseThrow();
    return CONVERTER.fromPayload(payload, CycleStateWire.class, CycleStateWire.class);
  }

  @Test
  void aRunningCycleWithABigIntegerKey_roundTripsThroughTemporalsDataConverter() {
    Instant last = Instant.parse("2026-11-25T10:00:00.123456789Z");
    CycleState state =
        CycleState.startingAt(Instant.parse("2026-11-25T09:00:00Z"))
            .open(Instant.parse("2026-11-25T12:00:00Z"), SyncSettings.DEFAULTS)
            .page(
                new PageSummary(
                    1000,
                    998,
                    2,
                    Optional.of(new KeysetPosition(last, KeyValue.of(9_007_199_254_740_993L))),
                    Optional.of(last),
                    "",
                    false))
            .fail("source user: connection lost")
            .open(Instant.parse("2026-11-25T12:00:30Z"), SyncSettings.DEFAULTS)
            .pause();

    Payload payload = CONVERTER.toPayload(state.toWire()).orElseThrow();
    String json = payload.getData().toString(StandardCharsets.UTF_8);

    assertThat(roundTrip(state.toWire()).toState()).isEqualTo(state);
    assertThat(json)
        .contains("\"committedCursor\":\"2026-11-25T09:00:00Z\"")
        .contains("\"lastError\":\"source user: connection lost\"")
        .doesNotContain("\"state\"")
        .doesNotContain("E15");
  }

  @Test
  void aPositionKeyBeyondTwoToThe53_keepsItsExactDigitsAndType() {
    Instant t = Instant.parse("2026-11-25T10:00:00Z");
    CycleState state =
        CycleState.initial()
            .open(Instant.parse("2026-11-25T12:00:00Z"), SyncSettings.DEFAULTS)
            .page(
                new PageSummary(
                    1,
                    1,
                    0,
                    Optional.of(new KeysetPosition(t, KeyValue.of(Long.MAX_VALUE))),
                    Optional.of(t),
                    "",
                    false));

    CycleStateWire back = roundTrip(state.toWire());

    assertThat(back.afterKey()).isEqualTo("9223372036854775807");
    assertThat(back.afterKeyType()).isEqualTo("long");
    assertThat(back.toState().cycle().orElseThrow().after().orElseThrow().key().value())
        .isEqualTo(Long.MAX_VALUE);
  }
}
