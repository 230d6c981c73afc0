package com.creditgate.gateway.store.cache;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;

/**
 * How long an answer waits for a dependency ({@code REQUEST_DEADLINE_MILLIS}), kept apart from how long the
 * dependency may take before it counts as failing (its breaker's call timeout): past the deadline the answer
 * moves on with {@link #MISSED}, while the call goes on and its reply, when it comes, is still used and judged.
 */
final class AnswerDeadline {
  /** The answer stopped waiting; the dependency's reply may still come. Without a stack trace: it is routine. */
  static final RuntimeException MISSED = new Missed();

  private AnswerDeadline() {}

  /** {@code reply} as seen by an answer that waits at most {@code deadlineMillis}; one timer on {@code context}. */
  static <T> Future<T> within(Context context, Future<T> reply, long deadlineMillis) {
    Promise<T> answer = Promise.promise();
    long timer = context.owner().setTimer(deadlineMillis, id -> answer.tryFail(MISSED));
    reply.onComplete(result -> {
      context.owner().cancelTimer(timer);
      if (result.succeeded()) {
        answer.tryComplete(result.result());
      } else {
        answer.tryFail(result.cause());
      }
    });
    return answer.future();
  }

  /** Whether {@code failure} is a missed answer deadline rather than a failure of the dependency. */
  static boolean missed(Throwable failure) {
    return failure == MISSED;
  }

  private static final class Missed extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Missed() {
      super("no reply within the answer deadline", null, false, false);
    }
  }
}
