package dev.sqlfeed.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sqlfeed.domain.feed.CycleStateWire;
import io.temporal.api.common.v1.Payload;
import io.temporal.common.converter.DataConverter;
import io.temporal.common.converter.DefaultDataConverter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The records that cross the workflow boundary survive Temporal's JSON converter unchanged. */
class WireFormatTest {
  private final DataConverter converter = DefaultDataConverter.STANDARD_INSTANCE;

  static CycleStateWire runningCycle() {
    return new CycleStateWire(
        "2026-11-25T10:00:00.123456Z",
        "2026-11-25T09:59:00.123456Z",
        "2026-11-25T10:05:00Z",
        "2026-11-25T10:01:00Z",
        "9007199254740993",
        "long",
        null,
        "2026-11-25T10:01:00Z",
        3,
        3000,
        2990,
        10,
        1,
        2,
        3,
        4,
        5,
        6,
        7,
        "row id=7: the resource id is empty",
        2,
        true);
  }

  static SourceState fullState() {
    return new SourceState(
        runningCycle(),
        true,
        true,
        new SourceFailure("MappingFailed", "row id=7", false, "scan", "2026-11-25T10:05:03Z"),
        "2026-11-25T10:00:01Z",
        8);
  }

  private <T> T roundTrip(T value, Class<T> type) {
    Payload payload = converter.toPayload(value).orElseThrow();
    return converter.fromPayload(payload, type, type);
  }

  @Test
  void inputWithState_roundTrips() {
    SourceInput input =
        new SourceInput(
            "acme", "team.grants.0.changes", SourceSettings.of(30_000, 500), true, fullState());

    assertThat(roundTrip(input, SourceInput.class)).isEqualTo(input);
    assertThat(roundTrip(input, SourceInput.class).state().cycle().toState())
        .isEqualTo(runningCycle().toState());
  }

  @Test
  void activityRecords_roundTrip() {
    ScanRequest request = new ScanRequest("acme", "user", runningCycle(), 100);
    ScanResult result = new ScanResult(runningCycle(), 10, 8, 2, true);

    assertThat(roundTrip(request, ScanRequest.class)).isEqualTo(request);
    assertThat(roundTrip(result, ScanResult.class)).isEqualTo(result);
  }

  @Test
  void cursorChecks_roundTripInPageResultsAndState() {
    CursorCheck check =
        new CursorCheck("2026-11-25T10:05:00Z", 100, true, List.of("7", "x y"), false);
    ScanResult result = new ScanResult(runningCycle(), 10, 8, 2, true, check);
    SourceState state =
        new SourceState(runningCycle(), true, false, null, "2026-11-25T10:00:01Z", 2, check);

    assertThat(roundTrip(result, ScanResult.class)).isEqualTo(result);
    assertThat(roundTrip(state, SourceState.class)).isEqualTo(state);
    assertThat(check.count()).isEqualTo("100+");
  }

  @Test
  void lastReset_roundTripsInState_andAnOlderStateReadsWithoutOne() {
    LastReset reset =
        new LastReset(
            "alice", "2026-11-25T10:05:00Z", "2026-11-25T10:00:00Z", "2026-11-20T00:00:00Z");
    SourceState state = new SourceState(runningCycle(), true, false, null, null, 2, null, reset);
    CursorReset signal = new CursorReset("2026-11-20T00:00:00Z", "alice");

    assertThat(roundTrip(state, SourceState.class)).isEqualTo(state);
    assertThat(roundTrip(signal, CursorReset.class)).isEqualTo(signal);
    String older =
        converter
            .toPayload(fullState())
            .orElseThrow()
            .getData()
            .toStringUtf8()
            .replace(",\"lastReset\":null", "");
    assertThat(older).doesNotContain("lastReset");
    Payload payload =
        Payload.newBuilder()
            .putMetadata("encoding", com.google.protobuf.ByteString.copyFromUtf8("json/plain"))
            .setData(com.google.protobuf.ByteString.copyFrom(older, StandardCharsets.UTF_8))
            .build();
    assertThat(converter.fromPayload(payload, SourceState.class, SourceState.class))
        .isEqualTo(fullState());
  }

  @Test
  void multiPageActivityRecords_roundTrip() {
    ScanRequest request = new ScanRequest("acme", "user", runningCycle(), 100, 50);
    ScanResult result = new ScanResult(runningCycle(), 1_000, 800, 200, false, 10);

    assertThat(roundTrip(request, ScanRequest.class)).isEqualTo(request);
    assertThat(roundTrip(result, ScanResult.class)).isEqualTo(result);
  }

  @Test
  void olderActivityPayloads_withoutPageCounts_readAsZero() {
    ScanRequest request =
        withoutField(new ScanRequest("acme", "user", runningCycle(), 100, 7), "maxPages", 7);
    ScanResult result = withoutField(new ScanResult(runningCycle(), 3, 3, 0, true, 9), "pages", 9);

    assertThat(request.maxPages()).isZero();
    assertThat(request.pageSize()).isEqualTo(100);
    assertThat(result.pages()).isZero();
    assertThat(result.rows()).isEqualTo(3);
  }

  /**
   * {@code value} as its JSON would read had it been written without the component {@code name}.
   */
  @SuppressWarnings("unchecked")
  private <T> T withoutField(T value, String name, int number) {
    String json = converter.toPayload(value).orElseThrow().getData().toStringUtf8();
    String older = json.replace(",\"" + name + "\":" + number, "");
    assertThat(older).isNotEqualTo(json);
    Payload payload =
        Payload.newBuilder()
            .putMetadata("encoding", com.google.protobuf.ByteString.copyFromUtf8("json/plain"))
            .setData(com.google.protobuf.ByteString.copyFrom(older, StandardCharsets.UTF_8))
            .build();
    Class<T> type = (Class<T>) value.getClass();
    return converter.fromPayload(payload, type, type);
  }

  @Test
  void status_roundTrips() {
    SourceStatus status =
        new SourceStatus("acme", "user", "waiting", null, SourceSettings.of(1, 1), fullState());

    assertThat(roundTrip(status, SourceStatus.class)).isEqualTo(status);
  }

  @Test
  void olderPayload_withoutLaterComponents_stillReads() {
    String older =
        "{\"app\":\"acme\",\"sourceKey\":\"user\",\"settings\":{\"pollIntervalMillis\":30000,"
            + "\"pageSize\":100,\"cyclesPerRun\":100,\"pagesPerRun\":500}}";
    Payload payload =
        Payload.newBuilder()
            .putMetadata("encoding", com.google.protobuf.ByteString.copyFromUtf8("json/plain"))
            .setData(com.google.protobuf.ByteString.copyFrom(older, StandardCharsets.UTF_8))
            .build();

    SourceInput input = converter.fromPayload(payload, SourceInput.class, SourceInput.class);

    assertThat(input.once()).isFalse();
    assertThat(input.state()).isNull();
  }
}
