/**
 * Gatling simulations against a running gateway, one per load shape (checkout burst, mixed read/write,
 * hot-account contention, overload), built from the reusable chains in {@link
 * com.creditgate.loadtest.simulations.Chains}; knobs are system properties (see {@code loadtest/README.md}).
 */
package com.creditgate.loadtest.simulations;
