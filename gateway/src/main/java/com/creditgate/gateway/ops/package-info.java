/** Operations: health endpoints, Prometheus metrics, request timing and dependency probes. */
package com.creditgate.gateway.ops;
