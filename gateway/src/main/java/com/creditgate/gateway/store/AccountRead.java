package com.creditgate.gateway.store;

/**
 * An account as read for a decision, and whether it was read while a dependency was unhealthy (Redis or
 * Postgres failing or behind an open breaker): such an answer may be staler than usual and is marked
 * {@code degraded}.
 */
public record AccountRead(AccountRecord record, boolean degraded) {}
