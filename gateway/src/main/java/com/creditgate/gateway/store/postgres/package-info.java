/** Postgres, the source of truth: schema migrations and repositories. */
package com.creditgate.gateway.store.postgres;
