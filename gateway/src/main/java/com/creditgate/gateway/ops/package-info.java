/**
 * Operational state: the metrics registry and meters, breaker gauges, dependency probes, request
 * timing, tracing and the draining flag. The endpoints that expose them are in {@code ops.endpoints}.
 */
package com.creditgate.gateway.ops;
