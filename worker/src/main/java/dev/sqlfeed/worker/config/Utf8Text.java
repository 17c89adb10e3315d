package dev.sqlfeed.worker.config;

import dev.sqlfeed.domain.error.ConfigException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes a config file's bytes as UTF-8, strictly. A byte sequence that is not UTF-8 is an error
 * at its line and column rather than a silent U+FFFD, which would change a query or a password
 * without a word.
 */
final class Utf8Text {
  private Utf8Text() {}

  static String decode(String fileName, byte[] bytes) {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    CoderResult result = decoder.decode(in, out, true);
    if (result.isError()) {
      throw new ConfigException(at(fileName, bytes, in.position()));
    }
    decoder.flush(out);
    return out.flip().toString();
  }

  /** {@code FILE:LINE:COL: ...}, the column counted in characters as the YAML reader counts. */
  private static String at(String fileName, byte[] bytes, int offset) {
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < offset; i++) {
      if (bytes[i] == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    int column =
        new String(bytes, lineStart, offset - lineStart, StandardCharsets.UTF_8).length() + 1;
    return String.format(
        "%s:%d:%d: the config is not UTF-8 text (byte 0x%02X); save it as UTF-8",
        fileName, line, column, bytes[offset] & 0xff);
  }
}
