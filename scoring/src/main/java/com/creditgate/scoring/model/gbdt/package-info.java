/**
 * Gradient-boosted trees read from XGBoost's JSON model format, compiled into flat arrays for
 * allocation-free scoring, with TreeSHAP reason codes.
 */
package com.creditgate.scoring.model.gbdt;
