package dev.sqlfeed.domain.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sqlfeed.domain.config.SyncSettings;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CycleStateWireTest {
  private static final Instant NOW = Instant.parse("2026-11-25T12:00:00.000000123Z");

  @Test
  void wireComponents_areOnlyStringsLongsAndBooleans() {
    assertThat(
            Arrays.stream(CycleStateWire.class.getRecordComponents()).map(RecordComponent::getType))
        .allMatch(t -> t == String.class || t == long.class || t == boolean.class);
  }

  @Test
  void initialState_isAllNullsAndZeros() {
    assertThat(CycleState.initial().toWire())
        .isEqualTo(
            new CycleStateWire(
                null, null, null, null, null, null, null, null, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
                null, 0, false));
  }

  @Test
  void runningCycle_isWrittenInCanonicalTimeWithATypedKey() {
    KeysetPosition p =
        new KeysetPosition(Instant.parse("2026-11-25T10:00:00.1Z"), KeyValue.of(Long.MAX_VALUE));
    CycleState state =
        CycleState.startingAt(Instant.parse("2026-11-25T09:00:00Z"))
            .open(NOW, SyncSettings.DEFAULTS)
            .page(new PageSummary(2, 1, 1, Optional.of(p), Optional.of(p.cursor()), "", false));

    CycleStateWire wire = state.toWire();

    assertThat(wire.committedCursor()).isEqualTo("2026-11-25T09:00:00Z");
    assertThat(wire.since()).isEqualTo("2026-11-25T08:59:00Z");
    assertThat(wire.upTo()).isEqualTo("2026-11-25T11:59:58.000000123Z");
    assertThat(wire.afterCursor()).isEqualTo("2026-11-25T10:00:00.1Z");
    assertThat(wire.afterKey()).isEqualTo("9223372036854775807");
    assertThat(wire.afterKeyType()).isEqualTo("long");
    assertThat(wire.toState()).isEqualTo(state);
  }

  @ParameterizedTest
  @ValueSource(longs = {1L, 20261125L, 424242L})
  void toWireThenToState_isTheSameState_forSeededRandomStates(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = 0; i < 2_000; i++) {
      CycleState state = randomState(random);

      assertThat(state.toWire().toState()).as("seed %d, state %s", seed, state).isEqualTo(state);
    }
  }

  @Test
  void malformedWire_isRejected() {
    CycleStateWire noUpTo =
        new CycleStateWire(
            null,
            "2026-11-25T10:00:00Z",
            null,
            null,
            null,
            null,
            null,
            null,
            0,
            0,
            0,
            0,
            0,
            0,
            0,
            0,
            0,
            0,
            0,
            null,
            0,
            false);
    CycleStateWire halfPosition =
        new CycleStateWire(
            null,
            "2026-11-25T10:00:00Z",
            "2026-11-25T11:00:00Z",
            "2026-11-25T10:30:00Z",
            null,
            null,
            "",
            null,
            0,
            0,
            0,
            0,
            0,
            0,
            0,
            0,
            0,
            0,
            0,
            null,
            0,
            false);

    assertThatThrownBy(noUpTo::toState).hasMessageContaining("since and upTo");
    assertThatThrownBy(halfPosition::toState).hasMessageContaining("cursor and its key");
  }

  private static CycleState randomState(SplittableRandom r) {
    Optional<Instant> committed = r.nextBoolean() ? Optional.of(instant(r)) : Optional.empty();
    Optional<RunningCycle> cycle = Optional.empty();
    if (r.nextBoolean()) {
      Instant since = instant(r);
      Instant upTo = since.plusNanos(r.nextLong(0, 86_400_000_000_000L));
      Optional<KeysetPosition> after =
          r.nextBoolean() ? Optional.of(new KeysetPosition(instant(r), key(r))) : Optional.empty();
      cycle =
          Optional.of(
              new RunningCycle(
                  since,
                  upTo,
                  after,
                  r.nextInt(4) == 0 ? Long.toString(r.nextLong(0, 1_000_000)) : "",
                  r.nextBoolean() ? Optional.of(instant(r)) : Optional.empty(),
                  r.nextLong(0, 1000),
                  r.nextLong(0, 1_000_000),
                  r.nextLong(0, 1_000_000),
                  r.nextLong(0, 1_000_000)));
    }
    CycleCounters counters =
        new CycleCounters(
            r.nextLong(0, Long.MAX_VALUE),
            r.nextLong(0, 1000),
            r.nextLong(0, 1000),
            r.nextLong(0, Long.MAX_VALUE),
            r.nextLong(0, Long.MAX_VALUE),
            r.nextLong(0, Long.MAX_VALUE),
            r.nextLong(0, Long.MAX_VALUE));
    Optional<CycleError> error =
        r.nextBoolean()
            ? Optional.of(new CycleError("error " + r.nextInt(), r.nextLong(1, Long.MAX_VALUE)))
            : Optional.empty();
    return new CycleState(committed, cycle, counters, error, r.nextBoolean());
  }

  private static Instant instant(SplittableRandom r) {
    return Instant.ofEpochSecond(
        r.nextLong(-62_135_596_800L, 253_402_300_800L),
        r.nextInt(4) == 0 ? 0 : r.nextInt(1_000_000_000));
  }

  private static KeyValue key(SplittableRandom r) {
    return switch (r.nextInt(6)) {
      case 0 -> KeyValue.of(r.nextLong());
      case 1 -> KeyValue.of("k" + r.nextLong());
      case 2 -> KeyValue.of(r.nextDouble() * 1e9);
      case 3 -> KeyValue.of(r.nextBoolean());
      case 4 -> KeyValue.of(new byte[] {(byte) r.nextInt(), (byte) r.nextInt()});
      default -> KeyValue.of(instant(r));
    };
  }
}
