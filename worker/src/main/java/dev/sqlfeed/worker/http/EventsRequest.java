package dev.sqlfeed.worker.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a {@code GET /events} asks for.
 *
 * @param after the seq after which events are wanted
 * @param limit events in one answer (for a stream: in one read of the log)
 * @param waitUpTo how long a request that finds no event waits for one; zero answers at once
 * @param stream whether the client asked for Server-Sent Events ({@code Accept: text/event-stream})
 */
record EventsRequest(long after, int limit, Duration waitUpTo, boolean stream) {
  static final int DEFAULT_LIMIT = 1000;
  static final int MAX_LIMIT = 10_000;
  static final int MAX_WAIT_SECONDS = 60;
  private static final List<String> PARAMETERS = List.of("after", "limit", "wait");

  EventsRequest {
    if (after < 0 || limit < 1 || limit > MAX_LIMIT || waitUpTo.isNegative()) {
      throw new IllegalArgumentException("not a valid events request");
    }
  }

  /** Whether the request may be held open: a long poll, or a stream. */
  boolean held() {
    return stream || !waitUpTo.isZero();
  }

  /**
   * Reads a request.
   *
   * @param rawQuery the URI's query as sent (still percent-encoded), or null
   * @param accept the {@code Accept} header, or null
   * @param lastEventId the {@code Last-Event-ID} header, or null; for a stream it wins over {@code
   *     after}, as it is what a reconnecting client sends
   * @throws BadRequest naming the parameter or header and what it must be
   */
  static EventsRequest parse(String rawQuery, String accept, String lastEventId) {
    Map<String, String> values = parameters(rawQuery);
    boolean stream = accept != null && accept.toLowerCase().contains("text/event-stream");
    long after = number(values, "after", 0, Long.MAX_VALUE, 0);
    if (stream && lastEventId != null) {
      after = parse("Last-Event-ID", lastEventId.strip(), 0, Long.MAX_VALUE);
    }
    int limit = (int) number(values, "limit", 1, MAX_LIMIT, DEFAULT_LIMIT);
    long wait = number(values, "wait", 0, MAX_WAIT_SECONDS, 0);
    return new EventsRequest(after, limit, Duration.ofSeconds(wait), stream);
  }

  private static Map<String, String> parameters(String rawQuery) {
    Map<String, String> values = new HashMap<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return values;
    }
    for (String pair : rawQuery.split("&", -1)) {
      int eq = pair.indexOf('=');
      String name = decode(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
      if (!PARAMETERS.contains(name)) {
        throw new BadRequest(
            "unknown parameter '" + shorten(name) + "' (known: after, limit, wait)");
      }
      if (values.put(name, value) != null) {
        throw new BadRequest(name + ": given twice");
      }
    }
    return values;
  }

  private static long number(Map<String, String> values, String name, long min, long max, long or) {
    String value = values.get(name);
    return value == null ? or : parse(name, value, min, max);
  }

  private static long parse(String name, String value, long min, long max) {
    long n;
    try {
      n = Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new BadRequest(name + ": not a whole number: '" + shorten(value) + "'");
    }
    if (n < min || n > max) {
      throw new BadRequest(
          name
              + ": "
              + n
              + " is out of range ("
              + min
              + (max == Long.MAX_VALUE ? " or more" : "-" + max)
              + ")");
    }
    return n;
  }

  private static String decode(String s) {
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new BadRequest("malformed query string");
    }
  }

  /** A value echoed in an error: at most 40 characters, on one line. */
  private static String shorten(String s) {
    String line = s.replaceAll("\\p{Cntrl}", "?");
    return line.length() <= 40 ? line : line.substring(0, 40) + "...";
  }
}
