package dev.sqlfeed.domain.mapping;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * PHP's {@code serialize()} format for string arrays used as sets, as WordPress stores roles: the
 * array's keys are the members, every value is {@code true}. Backs baton-sql's {@code
 * phpDeserializeStringArray} and {@code phpSerializeStringArray}.
 */
final class PhpSerialization {
  private PhpSerialization() {}

  /**
   * The string keys of the serialized array (or object) in {@code text}, in the order they appear;
   * integer keys and all values are skipped, as in baton-sql. {@code a:0:{}} gives an empty list.
   *
   * @throws IllegalArgumentException when {@code text} is not a serialized array
   */
  static List<String> stringKeys(String text) {
    Reader reader = new Reader(text.getBytes(StandardCharsets.UTF_8));
    char kind = reader.peek();
    if (kind != 'a' && kind != 'O') {
      throw new IllegalArgumentException(
          "not a serialized PHP array: " + (text.isEmpty() ? "empty text" : "'" + text + "'"));
    }
    Set<String> keys = new LinkedHashSet<>();
    reader.container(keys);
    return List.copyOf(keys);
  }

  /**
   * {@code a:N:{s:LEN:"member";b:1;...}} with the members sorted and without duplicates, as
   * baton-sql writes it; {@code LEN} counts UTF-8 bytes, as PHP does.
   */
  static String serializeSet(List<String> members) {
    Set<String> sorted = new TreeSet<>(PhpSerialization::compareCodePoints);
    sorted.addAll(members);
    StringBuilder out = new StringBuilder("a:").append(sorted.size()).append(":{");
    for (String member : sorted) {
      out.append("s:")
          .append(member.getBytes(StandardCharsets.UTF_8).length)
          .append(":\"")
          .append(member)
          .append("\";b:1;");
    }
    return out.append('}').toString();
  }

  private static int compareCodePoints(String a, String b) {
    // UTF-8 byte order, which is code point order (String.compareTo is UTF-16 order).
    return java.util.Arrays.compare(a.codePoints().toArray(), b.codePoints().toArray());
  }

  /** A cursor over serialized bytes; string lengths in the format count bytes. */
  private static final class Reader {
    private final byte[] data;
    private int pos;

    Reader(byte[] data) {
      this.data = data;
    }

    char peek() {
      return pos < data.length ? (char) data[pos] : '\0';
    }

    /** Reads {@code a:N:{...}} or {@code O:LEN:"Class":N:{...}}, collecting string keys. */
    void container(Set<String> stringKeys) {
      char kind = next();
      expect(':');
      if (kind == 'O') {
        string(readLength());
        expect(':');
      }
      int count = readLength();
      expect('{');
      for (int i = 0; i < count; i++) {
        Object key = value();
        if (key instanceof String s && stringKeys != null) {
          stringKeys.add(s);
        }
        value();
      }
      expect('}');
    }

    /** Reads one value; returns the key types (String, Long), anything else as null. */
    Object value() {
      char kind = peek();
      switch (kind) {
        case 's':
          next();
          expect(':');
          String s = string(readLength());
          expect(';');
          return s;
        case 'i':
          next();
          expect(':');
          return Long.parseLong(until(';'));
        case 'b':
        case 'd':
          next();
          expect(':');
          until(';');
          return null;
        case 'N':
          next();
          expect(';');
          return null;
        case 'a':
        case 'O':
          container(null);
          return null;
        default:
          throw corrupt(kind == '\0' ? "unexpected end" : "unexpected '" + kind + "'");
      }
    }

    private String string(int length) {
      expect('"');
      if (pos + length > data.length) {
        throw corrupt("string runs past the end");
      }
      String s = new String(data, pos, length, StandardCharsets.UTF_8);
      pos += length;
      expect('"');
      return s;
    }

    /** Reads {@code N:}, the length or count before a string or a container's elements. */
    private int readLength() {
      String digits = until(':');
      try {
        return Integer.parseInt(digits);
      } catch (NumberFormatException e) {
        throw corrupt("bad length '" + digits + "'");
      }
    }

    private String until(char end) {
      int start = pos;
      while (pos < data.length && data[pos] != end) {
        pos++;
      }
      if (pos >= data.length) {
        throw corrupt("missing '" + end + "'");
      }
      String s = new String(data, start, pos - start, StandardCharsets.US_ASCII);
      pos++;
      return s;
    }

    private char next() {
      if (pos >= data.length) {
        throw corrupt("unexpected end");
      }
      return (char) data[pos++];
    }

    private void expect(char c) {
      if (pos >= data.length || data[pos] != c) {
        throw corrupt("expected '" + c + "'");
      }
      pos++;
    }

    private IllegalArgumentException corrupt(String what) {
      return new IllegalArgumentException(
          "not a serialized PHP array: " + what + " at byte " + pos);
    }
  }
}
