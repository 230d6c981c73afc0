/** Account storage: the store contract and its embedded, Postgres, Redis and cached implementations. */
package com.creditgate.gateway.store;
