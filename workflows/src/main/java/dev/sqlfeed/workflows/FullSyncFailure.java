package dev.sqlfeed.workflows;

import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.TimeoutFailure;

/**
 * Why the last full sync failed, as the {@code state} query shows it; the store's {@code sync_runs}
 * has the failed run too. A wire format: add components, never rename or remove them.
 *
 * @param type one of {@link FeedFailures}' types, or the class name of an unexpected exception
 * @param message what went wrong, in words a user can act on (sqlfeed's errors carry no secrets)
 * @param transientFailure whether retrying may succeed (its retries ran out) or not (a config,
 *     mapping or query error: the next interval tries again, which helps once the cause is fixed)
 * @param at when, in workflow time
 */
public record FullSyncFailure(String type, String message, boolean transientFailure, String at) {
  private static final int MAX_MESSAGE_LENGTH = 2000;

  /** The failure of the full sync activity, after its retries. */
  static FullSyncFailure of(ActivityFailure failure, String at) {
    Throwable cause = failure.getCause() == null ? failure : failure.getCause();
    if (cause instanceof ApplicationFailure a) {
      return new FullSyncFailure(
          a.getType(), truncate(a.getOriginalMessage()), !a.isNonRetryable(), at);
    }
    if (cause instanceof TimeoutFailure t) {
      return new FullSyncFailure(
          FeedFailures.TIMEOUT, "the full sync timed out (" + t.getTimeoutType() + ")", true, at);
    }
    return new FullSyncFailure(
        cause.getClass().getSimpleName(), truncate(cause.getMessage()), true, at);
  }

  private static String truncate(String message) {
    String m = message == null ? "" : message;
    return m.length() <= MAX_MESSAGE_LENGTH ? m : m.substring(0, MAX_MESSAGE_LENGTH) + "...";
  }
}
