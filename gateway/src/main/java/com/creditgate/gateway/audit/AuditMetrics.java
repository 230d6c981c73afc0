package com.creditgate.gateway.audit;

import com.creditgate.gateway.risk.RiskEngine;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/** Exposes the audit log's and the challenger's counts as Prometheus meters (read on scrape, no hot-path cost). */
public final class AuditMetrics {
  private AuditMetrics() {}

  /** Registers {@code creditgate_audit_*} and {@code creditgate_challenger_*} meters on {@code registry}. */
  public static void bind(MeterRegistry registry, DecisionAuditLog log, RiskEngine engine) {
    FunctionCounter.builder("creditgate.audit.accepted", log, DecisionAuditLog::accepted)
        .description("decisions queued for the audit table").register(registry);
    FunctionCounter.builder("creditgate.audit.written", log, DecisionAuditLog::written)
        .description("decisions written to the audit table").register(registry);
    FunctionCounter.builder("creditgate.audit.overflow", log, DecisionAuditLog::overflowed)
        .description("decisions that found the audit queue full and went to the structured log").register(registry);
    FunctionCounter.builder("creditgate.audit.write.failed", log, DecisionAuditLog::loggedAfterFailure)
        .description("decisions whose audit batch failed and went to the structured log").register(registry);
    Gauge.builder("creditgate.audit.backlog", log, DecisionAuditLog::backlog)
        .description("decisions waiting for the audit writer").register(registry);
    FunctionCounter.builder("creditgate.challenger.scored", engine, RiskEngine::shadowScored)
        .description("limit-checks scored by the challenger in shadow").register(registry);
    FunctionCounter.builder("creditgate.challenger.disagreements", engine, RiskEngine::shadowDisagreements)
        .description("shadow scores whose decision differed from the champion's").register(registry);
  }
}
