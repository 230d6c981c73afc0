/**
 * The process-wide L1 cache, the tiered store over it with a circuit breaker per dependency, and
 * cross-replica invalidation.
 */
package com.creditgate.gateway.store.cache;
