package com.creditgate.gateway.store.cache;

import com.creditgate.gateway.error.GatewayException;
import com.creditgate.gateway.ops.BreakerGauge;
import io.vertx.circuitbreaker.CircuitBreaker;
import io.vertx.circuitbreaker.CircuitBreakerOptions;
import io.vertx.circuitbreaker.CircuitBreakerState;
import io.vertx.circuitbreaker.OpenCircuitException;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.function.Supplier;

/**
 * One dependency's circuit breaker for one verticle: after {@code maxFailures} failures in a row (an error, or
 * no reply within {@code callTimeoutMillis}) it opens and calls fail at once ({@link OpenCircuitException}) for
 * {@code resetMillis}; then it goes half-open and runs its own probe (the dependency's ping) at once, so it
 * closes again even when no request comes its way (a warm L1 sends none). A {@link GatewayException}
 * (404, 409...) is an answer from the dependency, not a failure of it. The call timeout judges the dependency's
 * health and is longer than the deadline of an answer ({@code REQUEST_DEADLINE_MILLIS}, applied by the caller):
 * a reply that comes after the answer stopped waiting for it, because the dependency or this event loop was slow,
 * is a success, so a healthy dependency on a starved CPU does not open the breaker. Reports its transitions to
 * the process gauges. Use from its verticle's event loop.
 */
public final class DependencyBreaker {
  private final CircuitBreaker breaker;
  private final BreakerGauge gauge;
  private final long resetMillis;
  private final Context context;
  private final Supplier<Future<?>> probe;
  private CircuitBreakerState reported = CircuitBreakerState.CLOSED;
  private long lastFailureNanos;
  private boolean failedEver;

  /** {@code probe} is a cheap call (a ping) run under the breaker each time it goes half-open. */
  public DependencyBreaker(Vertx vertx, String name, int maxFailures, long callTimeoutMillis, long resetMillis,
      BreakerGauge gauge, Supplier<Future<?>> probe) {
    this.gauge = gauge;
    this.probe = probe;
    this.context = vertx.getOrCreateContext();
    this.resetMillis = resetMillis;
    CircuitBreakerOptions options = new CircuitBreakerOptions()
        .setMaxFailures(maxFailures)
        .setTimeout(callTimeoutMillis)
        .setResetTimeout(resetMillis)
        .setFallbackOnFailure(false)
        .setNotificationAddress(null);
    this.breaker = CircuitBreaker.create(name, vertx, options)
        .openHandler(v -> report(CircuitBreakerState.OPEN))
        .halfOpenHandler(v -> {
          report(CircuitBreakerState.HALF_OPEN);
          context.runOnContext(ignored -> call(probe::get));
        })
        .closeHandler(v -> report(CircuitBreakerState.CLOSED));
    this.breaker.<Object>failurePolicy(future -> future.failed() && !(future.cause() instanceof GatewayException));
  }

  /** Runs {@code call} under the breaker and the call timeout. */
  public <T> Future<T> call(Supplier<Future<T>> call) {
    return breaker.<T>execute(call).onFailure(e -> {
      if (!(e instanceof GatewayException) && !skipped(e)) {
        lastFailureNanos = System.nanoTime();
        failedEver = true;
      }
    });
  }

  /** Whether {@code failure} means the breaker refused the call without trying. */
  public static boolean skipped(Throwable failure) {
    return failure instanceof OpenCircuitException;
  }

  /**
   * Closed and no failure of the dependency within the last reset period: answers from here are not degraded.
   * Calls the breaker refused without trying are not failures of the dependency and do not count.
   */
  public boolean healthy() {
    if (breaker.state() != CircuitBreakerState.CLOSED) {
      return false;
    }
    return !failedEver || System.nanoTime() - lastFailureNanos > resetMillis * 1_000_000L;
  }

  /** {@code CLOSED}, {@code OPEN} or {@code HALF_OPEN}. */
  public String state() {
    return breaker.state().name();
  }

  /** Stops the breaker's timers and takes it out of the gauges. */
  public void close() {
    report(CircuitBreakerState.CLOSED);
    breaker.close();
  }

  private synchronized void report(CircuitBreakerState state) {
    if (state != reported) {
      gauge.transition(reported.name(), state.name());
      reported = state;
    }
  }
}
