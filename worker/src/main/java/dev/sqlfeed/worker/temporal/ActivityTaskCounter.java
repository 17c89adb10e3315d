package dev.sqlfeed.worker.temporal;

import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts the activity tasks that workers report done to the embedded server (completed, failed or
 * cancelled), whichever worker ran them: this process's own or another {@code sqlfeed run} attached
 * with {@code --temporal}. Each adds to the histories the server keeps, so the count measures its
 * growth; the worker's own pages alone would miss what attached workers ran.
 */
final class ActivityTaskCounter implements ServerInterceptor {
  private static final Set<String> DONE =
      Set.of(
          "RespondActivityTaskCompleted",
          "RespondActivityTaskFailed",
          "RespondActivityTaskCanceled");

  private final AtomicLong done = new AtomicLong();

  /** Activity tasks reported done so far. */
  long done() {
    return done.get();
  }

  @Override
  public <Q, R> ServerCall.Listener<Q> interceptCall(
      ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
    if (DONE.contains(call.getMethodDescriptor().getBareMethodName())) {
      done.incrementAndGet();
    }
    return next.startCall(call, headers);
  }
}
