package dev.sqlfeed.nats;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The {@code Nats-Msg-Id} of an event: its id where that is a header value as it stands (printable
 * ASCII, at most {@link #MAX_LENGTH} characters), else {@code sha256:} and the hex SHA-256 of the
 * id's UTF-8 bytes (an id carries source data, which may hold line breaks or non-ASCII text). Both
 * forms are a function of the id alone, so a re-published event gets the same message id.
 */
final class MessageIds {
  static final int MAX_LENGTH = 512;

  private MessageIds() {}

  static String of(String eventId) {
    if (eventId.length() <= MAX_LENGTH && printableAscii(eventId)) {
      return eventId;
    }
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(eventId.getBytes(StandardCharsets.UTF_8));
      return "sha256:" + HexFormat.of().formatHex(hash);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  private static boolean printableAscii(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x21 || c > 0x7e) {
        return false;
      }
    }
    return true;
  }
}
