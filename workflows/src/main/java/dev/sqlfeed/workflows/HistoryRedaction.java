package dev.sqlfeed.workflows;

import java.util.regex.Pattern;

/**
 * Takes out of an error message what must not be written into a workflow's history, which any
 * Temporal user can read and which outlives the worker: file paths (an SQLite store or source file
 * names a machine's directories), URL query strings and user info (where drivers take passwords and
 * key files), and any {@code password=} value. A server URL keeps its host, port and database,
 * which is what an operator needs to find the failing database.
 *
 * <p>The adapters already mask passwords in the messages they write; this is the second line, for
 * what reaches history, whatever the adapter.
 */
final class HistoryRedaction {
  /** An SQLite or H2 URL or DSN: its rest names a file. */
  private static final Pattern FILE_DATABASE =
      Pattern.compile("(?i)\\b((?:jdbc:)?(?:sqlite|h2)):(?!<file>)[^\\s)'\"]+");

  /** {@code scheme://user:password@}: the user info goes. */
  private static final Pattern USER_INFO = Pattern.compile("(?i)([a-z0-9+.-]+://)[^/\\s@)'\"]*@");

  /** A server URL's query string, from {@code ?} to the end of the URL. */
  private static final Pattern URL_QUERY =
      Pattern.compile("(?i)([a-z0-9+.-]+://[^\\s?)'\"]*)\\?[^\\s)'\"]*");

  private static final Pattern PASSWORD =
      Pattern.compile("(?i)(password\\s*[=:]\\s*)(?!\\*\\*\\*)[^&;,\\s)'\"]+");

  /** An absolute path of at least two segments, after a space, a bracket, a quote or a colon. */
  private static final Pattern ABSOLUTE_PATH =
      Pattern.compile("(?<=^|[\\s(\\[='\":])/(?:[^\\s/)'\"\\]]+/)+[^\\s/)'\"\\],;]*");

  private HistoryRedaction() {}

  static String redact(String message) {
    String result = FILE_DATABASE.matcher(message).replaceAll("$1:<file>");
    result = USER_INFO.matcher(result).replaceAll("$1***@");
    result = URL_QUERY.matcher(result).replaceAll("$1");
    result = PASSWORD.matcher(result).replaceAll("$1***");
    return ABSOLUTE_PATH.matcher(result).replaceAll("<path>");
  }
}
