package com.creditgate.scoring.model;

import java.util.List;

/**
 * A credit model: maps a feature vector in schema order to a probability of default. Implementations are
 * immutable after load and safe to share across threads; {@link #probabilityOfDefault} allocates nothing.
 */
public interface CreditModel {

  /** Version of the model document, e.g. {@code "scorecard-2026.11.1"}. */
  String version();

  /** Probability of default in (0, 1) for {@code features} (schema order, {@code NaN} = missing). */
  double probabilityOfDefault(float[] features);

  /**
   * The factors that lowered this score most, worst first, at most {@code max}; only features the model
   * reads, that are present (not {@code NaN}) and that actually lowered the score. Allocates: call it only when
   * reasons are wanted.
   */
  List<Factor> explain(float[] features, int max);
}
