package dev.sqlfeed.domain.feed;

import dev.sqlfeed.domain.value.SqlNull;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;

/**
 * A row's key value (the {@code pagination.primary_key} column) in a form that survives a trip
 * through workflow history: a type tag and exact text. {@link #value()} gives back the value as
 * {@code Values.normalise} produced it, so that the next page binds the key with the type it was
 * read with (a {@code bigint} as a long, never as text or a double).
 *
 * <p>An integer beyond the range of {@code long} is normalised to its decimal digits as a {@link
 * String} and stays one here; the reader knows from the column's type that it compares as a number.
 *
 * @param type the value's Java type after normalisation
 * @param text the value as exact text: decimal digits, the string itself, {@link Double#toString},
 *     {@code true}/{@code false}, base64 of bytes, or {@link CanonicalTime}
 */
public record KeyValue(Type type, String text) {

  // Alike on purpose to Verdict, Change, ActionType and the Types of ActionArgument and
  // AccountField: enums cannot share a text field, and these tags are a wire format of their own.
  /** The normalised types a key can have, with the tag written on the wire. */
  public enum Type {
    LONG("long"),
    STRING("string"),
    DOUBLE("double"),
    BOOLEAN("boolean"),
    BYTES("bytes"),
    TIMESTAMP("timestamp");

    private final String tag;

    Type(String tag) {
      this.tag = tag;
    }

    /** The tag written on the wire. */
    public String tag() {
      return tag;
    }

    /**
     * The type of a tag.
     *
     * @throws IllegalArgumentException for an unknown tag
     */
    public static Type ofTag(String tag) {
      for (Type t : values()) {
        if (t.tag.equals(tag)) {
          return t;
        }
      }
      throw new IllegalArgumentException("unknown key type tag: " + tag);
    }
  }

  public KeyValue {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(text, "text");
    // Decoding once here rejects text that could not be bound again later.
    decode(type, text);
  }

  /**
   * The key of a normalised value.
   *
   * @throws IllegalArgumentException for SQL NULL (a row with a NULL key has no position) or a
   *     value that cannot be a key (a list, a map)
   */
  public static KeyValue of(Object value) {
    if (value instanceof Long l) {
      return new KeyValue(Type.LONG, Long.toString(l));
    }
    if (value instanceof String s) {
      return new KeyValue(Type.STRING, s);
    }
    if (value instanceof Double d) {
      return new KeyValue(Type.DOUBLE, Double.toString(d));
    }
    if (value instanceof Boolean b) {
      return new KeyValue(Type.BOOLEAN, Boolean.toString(b));
    }
    if (value instanceof byte[] bytes) {
      return new KeyValue(Type.BYTES, Base64.getEncoder().encodeToString(bytes));
    }
    if (value instanceof Instant instant) {
      return new KeyValue(Type.TIMESTAMP, CanonicalTime.format(instant));
    }
    if (SqlNull.isNull(value)) {
      throw new IllegalArgumentException("a key value must not be NULL");
    }
    throw new IllegalArgumentException(
        "a key value must be an integer, string, number, boolean, bytes or timestamp, not "
            + value.getClass().getSimpleName());
  }

  /** The key as a normalised value: Long, String, Double, Boolean, byte[] or Instant. */
  public Object value() {
    return decode(type, text);
  }

  /** Like {@link #of}, from the wire's two strings; both null gives null. */
  static KeyValue fromWire(String tag, String text) {
    if (tag == null && text == null) {
      return null;
    }
    if (tag == null || text == null) {
      throw new IllegalArgumentException("a key needs both its type and its text");
    }
    return new KeyValue(Type.ofTag(tag), text);
  }

  private static Object decode(Type type, String text) {
    try {
      return switch (type) {
        case LONG -> Long.parseLong(text);
        case STRING -> text;
        case DOUBLE -> Double.parseDouble(text);
        case BOOLEAN -> bool(text);
        case BYTES -> Base64.getDecoder().decode(text);
        case TIMESTAMP -> CanonicalTime.parse(text);
      };
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "not a " + type.tag() + " key: '" + text + "' (" + e.getMessage() + ")", e);
    }
  }

  private static Boolean bool(String text) {
    if (text.equals("true") || text.equals("false")) {
      return Boolean.valueOf(text);
    }
    throw new IllegalArgumentException("expected true or false");
  }
}
