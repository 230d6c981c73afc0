/** The operational HTTP endpoints: liveness, readiness and the Prometheus scrape. */
package com.creditgate.gateway.ops.endpoints;
