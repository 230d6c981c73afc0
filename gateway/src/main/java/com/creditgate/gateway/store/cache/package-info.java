/** The process-wide L1 cache, the tiered store over it, and cross-replica invalidation. */
package com.creditgate.gateway.store.cache;
