package dev.sqlfeed.worker.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EventsRequestTest {
  @Test
  void noParameters_meanFromTheStart_1000_andNoWait() {
    EventsRequest r = EventsRequest.parse(null, null, null);

    assertThat(r).isEqualTo(new EventsRequest(0, 1000, Duration.ZERO, false));
    assertThat(r.held()).isFalse();
  }

  @Test
  void allParameters_areRead() {
    EventsRequest r = EventsRequest.parse("after=42&limit=10000&wait=60", "*/*", null);

    assertThat(r).isEqualTo(new EventsRequest(42, 10_000, Duration.ofSeconds(60), false));
    assertThat(r.held()).isTrue();
  }

  @Test
  void anEventStream_startsAfterLastEventId_ratherThanAfter() {
    EventsRequest r = EventsRequest.parse("after=5", "text/event-stream", "17");

    assertThat(r.stream()).isTrue();
    assertThat(r.after()).isEqualTo(17);
    assertThat(r.held()).isTrue();
  }

  @Test
  void lastEventId_withoutAStream_isIgnored() {
    assertThat(EventsRequest.parse("after=5", "application/x-ndjson", "17").after()).isEqualTo(5);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "after=-1        | after: -1 is out of range (0 or more)",
        "after=x         | after: not a whole number: 'x'",
        "after=          | after: not a whole number: ''",
        "limit=0         | limit: 0 is out of range (1-10000)",
        "limit=10001     | limit: 10001 is out of range (1-10000)",
        "wait=61         | wait: 61 is out of range (0-60)",
        "wait=1.5        | wait: not a whole number: '1.5'",
        "since=3         | unknown parameter 'since' (known: after, limit, wait)",
        "after=1&after=2 | after: given twice",
        "after=%zz       | malformed query string"
      })
  void badParameters_areRefused_withOneLineNamingThem(String query, String message) {
    assertThatThrownBy(() -> EventsRequest.parse(query, null, null))
        .isInstanceOf(BadRequest.class)
        .hasMessage(message);
  }

  @Test
  void aBadLastEventId_isRefused() {
    assertThatThrownBy(() -> EventsRequest.parse(null, "text/event-stream", "abc"))
        .isInstanceOf(BadRequest.class)
        .hasMessage("Last-Event-ID: not a whole number: 'abc'");
  }
}
