/** Redis, the shared L2 cache: packed account values and the invalidation channel. */
package com.creditgate.gateway.store.redis;
