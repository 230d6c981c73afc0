package com.creditgate.gateway.store.cache;

import static org.assertj.core.api.Assertions.assertThat;

import com.creditgate.gateway.ops.GatewayMetrics;
import com.creditgate.gateway.support.TestServices;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A breaker that opened must find its way back without traffic: a warm L1 sends no call through it, so it
 * probes the dependency itself when it goes half-open, and answers stop being degraded once it closed.
 */
class DependencyBreakerTests {
  private static final long RESET_MILLIS = 50;
  private Vertx vertx;
  private GatewayMetrics metrics;

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
    metrics = new GatewayMetrics();
  }

  @AfterEach
  void stop() {
    metrics.close();
    TestServices.await(vertx.close());
  }

  /** Polls {@code condition} every 10 ms for up to 5 s; the caller asserts what it needs after. */
  private void waitUntil(BooleanSupplier condition) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
      TestServices.await(Future.future(p -> vertx.setTimer(10, id -> p.complete())));
    }
  }

  private DependencyBreaker breaker(AtomicInteger probes, boolean probeSucceeds) {
    return new DependencyBreaker(vertx, "postgres", 1, 1_000, RESET_MILLIS, metrics.breaker("postgres"), () -> {
      probes.incrementAndGet();
      return probeSucceeds ? Future.succeededFuture() : Future.failedFuture(new IllegalStateException("still down"));
    });
  }

  private static void failOnce(DependencyBreaker breaker) {
    TestServices.await(breaker.call(() -> Future.failedFuture(new IllegalStateException("down")))
        .otherwiseEmpty());
  }

  @Test
  void halfOpenBreakerProbesWithoutTrafficAndClosesWhenTheDependencyAnswers() {
    AtomicInteger probes = new AtomicInteger();
    DependencyBreaker breaker = breaker(probes, true);
    failOnce(breaker);
    assertThat(breaker.state()).isEqualTo("OPEN");
    assertThat(breaker.healthy()).isFalse();
    waitUntil(() -> breaker.state().equals("CLOSED"));
    assertThat(breaker.state()).isEqualTo("CLOSED");
    assertThat(probes.get()).isEqualTo(1);
    waitUntil(breaker::healthy);
    assertThat(breaker.healthy()).isTrue();
    breaker.close();
  }

  @Test
  void failingProbeReopensAndProbesAgainStayingUnhealthy() {
    AtomicInteger probes = new AtomicInteger();
    DependencyBreaker breaker = breaker(probes, false);
    failOnce(breaker);
    waitUntil(() -> probes.get() >= 3);
    assertThat(probes.get()).isGreaterThanOrEqualTo(3);
    assertThat(breaker.state()).isNotEqualTo("CLOSED");
    assertThat(breaker.healthy()).isFalse();
    breaker.close();
  }

  @Test
  void aBreakerThatNeverFailedIsHealthy() {
    DependencyBreaker breaker = breaker(new AtomicInteger(), true);
    TestServices.await(breaker.call(() -> Future.succeededFuture("row")));
    assertThat(breaker.healthy()).isTrue();
    breaker.close();
  }
}
