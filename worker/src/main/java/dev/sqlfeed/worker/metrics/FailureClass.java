package dev.sqlfeed.worker.metrics;

import dev.sqlfeed.domain.error.SqlfeedException;
import dev.sqlfeed.workflows.FeedFailures;
import io.temporal.failure.ApplicationFailure;

/**
 * The class of a failed activity attempt, as the {@code class} label of {@code sqlfeed_failures}
 * has it: the failure type sqlfeed's activities give their errors ({@code SourceUnavailable},
 * {@code StoreFailed}, {@code MappingFailed} ...; see {@link FeedFailures}), else the exception's
 * simple class name. Never the message, which may name rows or hosts.
 */
final class FailureClass {
  private FailureClass() {}

  static String of(Throwable e) {
    if (e instanceof ApplicationFailure failure && failure.getType() != null) {
      return failure.getType();
    }
    if (e instanceof SqlfeedException sqlfeed) {
      return FeedFailures.type(sqlfeed);
    }
    return e.getClass().getSimpleName();
  }
}
