package com.creditgate.gateway.ops;

import com.creditgate.scoring.decision.Decision;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The process's one Prometheus registry and every meter the gateway records. Meters on the request path are
 * registered up front (or once per route template) and looked up by index, so recording allocates nothing.
 * Thread-safe: meters are, and the per-verticle state it sums lives in atomics.
 */
public final class GatewayMetrics {
  /** Route tag of requests no route matched: bounds the tag's cardinality. */
  public static final String UNMATCHED_ROUTE = "unmatched";
  private static final Duration[] LATENCY_BUCKETS = {
      Duration.ofNanos(250_000), Duration.ofNanos(500_000), Duration.ofMillis(1), Duration.ofMillis(2),
      Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50),
      Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
      Duration.ofSeconds(5)};
  private static final String[] STATUS_CLASSES = {"1xx", "2xx", "3xx", "4xx", "5xx"};

  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final Map<String, Timer[]> requestTimers = new ConcurrentHashMap<>();
  private final Counter[] decisions = new Counter[Decision.values().length];
  private final Timer[] decisionLatency = new Timer[Decision.values().length];
  private final Counter[][] lookups = new Counter[Lookup.Level.values().length][Lookup.Result.values().length];
  private final Counter degradedDecisions;
  private final Counter shed;
  private final Counter rateLimited;
  private final List<AtomicInteger> inflight = new CopyOnWriteArrayList<>();
  private final Map<String, BreakerGauge> breakers = new ConcurrentHashMap<>();
  private final JvmGcMetrics gcMetrics = new JvmGcMetrics();

  public GatewayMetrics() {
    new JvmMemoryMetrics().bindTo(registry);
    gcMetrics.bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    for (Decision decision : Decision.values()) {
      decisions[decision.ordinal()] = Counter.builder("creditgate.limit.checks")
          .description("Limit-check decisions").tag("decision", decision.name()).register(registry);
      decisionLatency[decision.ordinal()] = Timer.builder("creditgate.limit.check.duration")
          .description("Limit-check latency by decision, from the parsed body to the written answer")
          .tag("decision", decision.name()).serviceLevelObjectives(LATENCY_BUCKETS).register(registry);
    }
    for (Lookup.Level level : Lookup.Level.values()) {
      for (Lookup.Result result : Lookup.Result.values()) {
        lookups[level.ordinal()][result.ordinal()] = Counter.builder("creditgate.account.lookups")
            .description("Account reads per storage level and what the level answered")
            .tag("level", level.tag).tag("result", result.tag()).register(registry);
      }
    }
    degradedDecisions = Counter.builder("creditgate.limit.checks.degraded")
        .description("Limit-checks answered while a dependency was unavailable").register(registry);
    shed = Counter.builder("creditgate.http.shed").description("Requests shed with 503 (in-flight bound)")
        .register(registry);
    rateLimited = Counter.builder("creditgate.http.rate.limited")
        .description("Requests refused with 429 (client rate limit)").register(registry);
    Gauge.builder("creditgate.http.inflight.requests", inflight, GatewayMetrics::sum)
        .description("Requests in flight in this process (the HPA scales on it)").register(registry);
  }

  /** The registry, for binders and the scrape. */
  public PrometheusMeterRegistry registry() {
    return registry;
  }

  /** The Prometheus text exposition of every meter. */
  public String scrape() {
    return registry.scrape();
  }

  /** Registers a route template, so its timers exist before the first request. Idempotent. */
  public void registerRoute(String template) {
    requestTimers.computeIfAbsent(template, this::timersFor);
  }

  /** Records one request's latency under its route template and status class. */
  public void recordRequest(String template, int status, long nanos) {
    Timer[] timers = requestTimers.get(template);
    if (timers == null) {
      timers = requestTimers.get(UNMATCHED_ROUTE);
      if (timers == null) {
        timers = requestTimers.computeIfAbsent(UNMATCHED_ROUTE, this::timersFor);
      }
    }
    int statusClass = Math.min(Math.max(status / 100, 1), 5) - 1;
    timers[statusClass].record(nanos, TimeUnit.NANOSECONDS);
  }

  /** Counts a limit-check decision; {@code degraded} also counts it as degraded. */
  public void decision(Decision decision, boolean degraded) {
    decisions[decision.ordinal()].increment();
    if (degraded) {
      degradedDecisions.increment();
    }
  }

  /** Records how long a limit-check that ended in {@code decision} took. */
  public void decisionLatency(Decision decision, long nanos) {
    decisionLatency[decision.ordinal()].record(nanos, TimeUnit.NANOSECONDS);
  }

  /** Counts one answer of one storage level. */
  public void lookup(Lookup.Level level, Lookup.Result result) {
    lookups[level.ordinal()][result.ordinal()].increment();
  }

  /** Counts a request shed with 503. */
  public void shed() {
    shed.increment();
  }

  /** Counts a request refused with 429. */
  public void rateLimited() {
    rateLimited.increment();
  }

  /** A new in-flight counter for one verticle; the process gauge sums them all. */
  public AtomicInteger inflightCounter() {
    AtomicInteger counter = new AtomicInteger();
    inflight.add(counter);
    return counter;
  }

  /** Stops summing {@code counter} (its verticle stopped). */
  public void removeInflightCounter(AtomicInteger counter) {
    inflight.remove(counter);
  }

  /** The gauges of one dependency's breakers (one breaker per verticle). */
  public BreakerGauge breaker(String dependency) {
    return breakers.computeIfAbsent(dependency, name -> new BreakerGauge(name, registry));
  }

  /** Detaches the JVM listeners and closes the registry; the gateway is stopping. */
  public void close() {
    gcMetrics.close();
    registry.close();
  }

  private Timer[] timersFor(String template) {
    Timer[] timers = new Timer[STATUS_CLASSES.length];
    for (int i = 0; i < timers.length; i++) {
      timers[i] = Timer.builder("creditgate.http.server.requests")
          .description("HTTP request latency by route template and status class")
          .tag("route", template).tag("status", STATUS_CLASSES[i])
          .serviceLevelObjectives(LATENCY_BUCKETS)
          .register(registry);
    }
    return timers;
  }

  private static double sum(List<AtomicInteger> counters) {
    long total = 0;
    for (AtomicInteger counter : counters) {
      total += counter.get();
    }
    return total;
  }
}
