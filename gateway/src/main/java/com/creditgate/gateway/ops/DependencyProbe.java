package com.creditgate.gateway.ops;

import io.vertx.core.Future;
import java.util.function.Supplier;

/**
 * One dependency as readiness sees it: a trivial round trip, and the state of its circuit breaker.
 *
 * @param ping a round trip that succeeds when the dependency answers
 * @param breakerState {@code CLOSED}, {@code OPEN} or {@code HALF_OPEN}
 */
public record DependencyProbe(String name, Supplier<Future<Void>> ping, Supplier<String> breakerState) {}
