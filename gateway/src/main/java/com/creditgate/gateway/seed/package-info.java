/**
 * The {@code seed} command and the embedded default's population: N synthetic accounts from the synthetic
 * generator, written to Postgres in large batches and warmed into Redis as the gateway's packed L2 values,
 * with a block of hot accounts for the contention simulation.
 */
package com.creditgate.gateway.seed;
