package com.creditgate.gateway.config;

import com.creditgate.common.Check;
import java.net.URI;

/**
 * OpenTelemetry tracing (README, "Tracing"): off unless {@code TRACING_ENABLED=true}; then spans of the HTTP
 * server and of the Redis and Postgres calls made while serving a request go to an OTLP/HTTP collector.
 * Immutable.
 *
 * @param enabled {@code TRACING_ENABLED}; also on when {@code OTEL_EXPORTER_OTLP_ENDPOINT} is set
 * @param otlpEndpoint {@code OTEL_EXPORTER_OTLP_ENDPOINT}, the collector's base URL (spans go to
 *     {@code /v1/traces} under it)
 * @param serviceName {@code OTEL_SERVICE_NAME}, the {@code service.name} resource attribute
 * @param sampleRatio {@code TRACING_SAMPLE_RATIO}, the share of new traces recorded (a caller's sampled
 *     {@code traceparent} is always followed)
 * @param queueMax {@code TRACING_QUEUE_MAX}, finished spans buffered for export; beyond it they are dropped
 * @param exportTimeoutMillis {@code TRACING_EXPORT_TIMEOUT_MILLIS}, deadline of one export call
 */
public record TracingSettings(boolean enabled, String otlpEndpoint, String serviceName, double sampleRatio,
    int queueMax, long exportTimeoutMillis) {

  public TracingSettings {
    Check.argument(sampleRatio >= 0 && sampleRatio <= 1, "TRACING_SAMPLE_RATIO must be in [0, 1]");
    Check.argument(queueMax >= 1 && queueMax <= 1_000_000, "TRACING_QUEUE_MAX must be 1..1000000");
    Check.argument(exportTimeoutMillis >= 1, "TRACING_EXPORT_TIMEOUT_MILLIS must be >= 1");
    Check.argument(!serviceName.isBlank(), "OTEL_SERVICE_NAME must not be blank");
    URI uri = URI.create(otlpEndpoint);
    Check.argument("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()),
        "OTEL_EXPORTER_OTLP_ENDPOINT must be an http(s) URL, was '%s'", otlpEndpoint);
  }
}
