package com.creditgate.gateway.runtime;

import com.creditgate.gateway.audit.DecisionAuditLog;
import com.creditgate.gateway.config.GatewayConfig;
import com.creditgate.gateway.http.ClientRateLimit;
import com.creditgate.gateway.http.OpenApiDocument;
import com.creditgate.gateway.ops.GatewayMetrics;
import com.creditgate.gateway.ops.Lifecycle;
import com.creditgate.gateway.risk.RiskEngine;
import com.creditgate.gateway.store.cache.AccountL1Cache;
import java.time.Clock;
import java.util.concurrent.Semaphore;

/**
 * What the composition root hands to every verticle: the configuration and the few thread-safe structures
 * that are shared by design (the risk engine, the L1 cache).
 *
 * @param metrics the process's one metrics registry
 * @param rateLimit the per-client rate limit, shared by every verticle
 * @param openApi the served OpenAPI document and its request validators
 * @param auditLog the decision audit hand-off to the audit writer
 * @param lifecycle whether the process is draining for shutdown
 * @param modelUploads permits of the model uploads admitted at once ({@code MODEL_UPLOADS_IN_FLIGHT_MAX})
 */
public record GatewayServices(GatewayConfig config, RiskEngine engine, AccountL1Cache l1,
    Clock clock, GatewayMetrics metrics, ClientRateLimit rateLimit,
    OpenApiDocument openApi, DecisionAuditLog auditLog, Lifecycle lifecycle,
    Semaphore modelUploads) {}
