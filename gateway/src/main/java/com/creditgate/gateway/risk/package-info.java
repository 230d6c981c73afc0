/**
 * The active model and policy (swapped atomically on reload), their loading, and challenger
 * shadow scoring.
 */
package com.creditgate.gateway.risk;
