package dev.sqlfeed.workflows;

/**
 * Why a cycle failed, as the state query shows it. A wire format: add components, never rename or
 * remove them.
 *
 * @param type the failure's type: one of {@link FeedFailures}' types, or the class name of an
 *     unexpected exception
 * @param message what went wrong, in words a user can act on (sqlfeed's errors carry no secrets)
 * @param transientFailure whether retrying may succeed (its retries ran out) or not (a config,
 *     mapping or query error: it waits for the next poll, or a fix)
 * @param during what the workflow was doing: {@code checkpoint}, {@code scan} or {@code reset}
 * @param at when, in workflow time
 */
public record SourceFailure(
    String type, String message, boolean transientFailure, String during, String at) {}
