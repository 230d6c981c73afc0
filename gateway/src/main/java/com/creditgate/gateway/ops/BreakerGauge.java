package com.creditgate.gateway.ops;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How many of one dependency's circuit breakers (one per verticle) are open or half-open. Exported as
 * {@code creditgate_dependency_breaker_open{dependency}}, {@code ..._half_open} and
 * {@code creditgate_dependency_up} (1 when no breaker is open). Thread-safe.
 */
public final class BreakerGauge {
  private final AtomicInteger open = new AtomicInteger();
  private final AtomicInteger halfOpen = new AtomicInteger();

  BreakerGauge(String dependency, MeterRegistry registry) {
    Gauge.builder("creditgate.dependency.breaker.open", open, AtomicInteger::get).tag("dependency", dependency)
        .description("Circuit breakers of this dependency that are open").register(registry);
    Gauge.builder("creditgate.dependency.breaker.half.open", halfOpen, AtomicInteger::get)
        .tag("dependency", dependency).description("Circuit breakers of this dependency probing it")
        .register(registry);
    Gauge.builder("creditgate.dependency.up", open, o -> o.get() == 0 ? 1 : 0).tag("dependency", dependency)
        .description("1 when no circuit breaker of this dependency is open").register(registry);
  }

  /** A breaker moved from {@code from} to {@code to}; states are {@code CLOSED}, {@code OPEN}, {@code HALF_OPEN}. */
  public void transition(String from, String to) {
    adjust(from, -1);
    adjust(to, +1);
  }

  private void adjust(String state, int delta) {
    if ("OPEN".equals(state)) {
      open.addAndGet(delta);
    } else if ("HALF_OPEN".equals(state)) {
      halfOpen.addAndGet(delta);
    }
  }
}
