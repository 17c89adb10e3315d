package dev.sqlfeed.workflows;

import dev.sqlfeed.domain.error.ConfigException;
import dev.sqlfeed.domain.error.MappingException;
import dev.sqlfeed.domain.error.SourceException;
import dev.sqlfeed.domain.error.SqlfeedException;
import dev.sqlfeed.domain.error.StoreException;
import io.temporal.failure.ApplicationFailure;

/**
 * Turns sqlfeed's errors into the failures an activity throws. Whether Temporal retries follows
 * {@link SqlfeedException#transientFailure()}, the classification made at the adapter edge; the
 * type names the error so that the state query and the CLI can tell them apart. The cause is left
 * out on purpose: a driver's exception may carry more than sqlfeed's own message, which is written
 * for users and never holds a secret, and it would only make history larger. The message itself
 * goes into history without file paths, URL query strings and user info ({@link HistoryRedaction}).
 */
public final class FeedFailures {
  /** The config is invalid. */
  public static final String CONFIG_INVALID = "ConfigInvalid";

  /** A row could not be mapped. */
  public static final String MAPPING_FAILED = "MappingFailed";

  /** The source database cannot be reached. */
  public static final String SOURCE_UNAVAILABLE = "SourceUnavailable";

  /** A query against the source failed. */
  public static final String SOURCE_QUERY_FAILED = "SourceQueryFailed";

  /** The store cannot be reached. */
  public static final String STORE_UNAVAILABLE = "StoreUnavailable";

  /** A store write failed. */
  public static final String STORE_FAILED = "StoreFailed";

  /** An activity ran out of time (start-to-close or heartbeat). */
  public static final String TIMEOUT = "Timeout";

  /** A {@code resetCursor} signal carried no readable timestamp; nothing was changed. */
  public static final String INVALID_RESET = "InvalidReset";

  private FeedFailures() {}

  /** The failure an activity throws for one of sqlfeed's errors. */
  public static ApplicationFailure of(SqlfeedException e) {
    String type = type(e);
    String message = e.getMessage() == null ? type : HistoryRedaction.redact(e.getMessage());
    return e.transientFailure()
        ? ApplicationFailure.newFailure(message, type)
        : ApplicationFailure.newNonRetryableFailure(message, type);
  }

  /** The failure's type for one of sqlfeed's errors. */
  public static String type(SqlfeedException e) {
    if (e instanceof ConfigException) {
      return CONFIG_INVALID;
    }
    if (e instanceof MappingException) {
      return MAPPING_FAILED;
    }
    if (e instanceof SourceException s) {
      return s.kind() == SourceException.Kind.UNAVAILABLE
          ? SOURCE_UNAVAILABLE
          : SOURCE_QUERY_FAILED;
    }
    StoreException s = (StoreException) e;
    return s.kind() == StoreException.Kind.UNAVAILABLE ? STORE_UNAVAILABLE : STORE_FAILED;
  }

  /** Whether a failure's type says that a database could not be reached (exit code 3). */
  public static boolean unavailable(String type) {
    return SOURCE_UNAVAILABLE.equals(type) || STORE_UNAVAILABLE.equals(type);
  }
}
