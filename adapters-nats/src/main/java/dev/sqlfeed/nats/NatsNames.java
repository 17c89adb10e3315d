package dev.sqlfeed.nats;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Subjects and stream names. An app name becomes one subject token by replacing every character
 * other than letters, digits, {@code -} and {@code _} with {@code _} (a dot would split it into two
 * tokens, a space or {@code *} would make the subject invalid), and a default stream name as {@code
 * SQLFEED_} followed by that token in upper case.
 */
final class NatsNames {
  private static final Pattern NOT_TOKEN = Pattern.compile("[^A-Za-z0-9_-]");
  private static final Pattern PREFIX = Pattern.compile("[^.\\s*>]+(\\.[^.\\s*>]+)*");
  private static final Pattern STREAM = Pattern.compile("[^.\\s*>/\\\\]+");

  private NatsNames() {}

  /** The app as one subject token. */
  static String appToken(String app) {
    return NOT_TOKEN.matcher(app).replaceAll("_");
  }

  /** {@code <prefix>.<app>.<kind>}. */
  static String subject(String prefix, String app, String kind) {
    return prefix + "." + appToken(app) + "." + appToken(kind);
  }

  /** The subjects a stream of the app takes: {@code <prefix>.<app>.>}. */
  static String streamSubjects(String prefix, String app) {
    return prefix + "." + appToken(app) + ".>";
  }

  /** {@code SQLFEED_<APP>}, sanitised. */
  static String defaultStream(String app) {
    return "SQLFEED_" + appToken(app).toUpperCase(Locale.ROOT);
  }

  /**
   * Checks a subject prefix: one or more dot-separated tokens without spaces or wildcards.
   *
   * @throws IllegalArgumentException saying what is wrong
   */
  static String checkPrefix(String prefix) {
    if (prefix == null || !PREFIX.matcher(prefix).matches()) {
      throw new IllegalArgumentException(
          "not a subject prefix: '"
              + prefix
              + "' (dot-separated tokens without spaces, '*' or '>', such as sqlfeed or acme.sqlfeed)");
    }
    return prefix;
  }

  /**
   * Checks a stream name: no spaces, dots, wildcards or path separators.
   *
   * @throws IllegalArgumentException saying what is wrong
   */
  static String checkStream(String stream) {
    if (stream == null || !STREAM.matcher(stream).matches()) {
      throw new IllegalArgumentException(
          "not a stream name: '" + stream + "' (no spaces, '.', '*', '>', '/' or '\\')");
    }
    return stream;
  }
}
