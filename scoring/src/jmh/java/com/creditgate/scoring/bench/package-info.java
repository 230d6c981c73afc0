/** JMH benchmarks of scoring: scorecard, our GBDT and xgboost4j on the same model and rows. */
package com.creditgate.scoring.bench;
