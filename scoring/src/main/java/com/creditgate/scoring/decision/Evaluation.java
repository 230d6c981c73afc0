package com.creditgate.scoring.decision;

import com.creditgate.common.reason.ReasonCode;
import java.util.List;

/**
 * What {@link CreditEvaluator#evaluate} decided and everything the answer, the audit record and the
 * challenger's shadow scoring need from it. Read it, don't change it: {@code features} is the evaluation's own
 * vector, shared with the audit record.
 *
 * @param reasons decline reasons first, then the factors that lowered the score; at most four
 * @param pd the champion's probability of default; not finite when the model is broken (then {@code decision}
 *     is DECLINE with D209 and there is no score)
 * @param score the score of {@code pd}, or {@link #NO_SCORE} when {@code pd} is not finite
 * @param pdCutoff the policy's PD cut-off for the account's segment at the time of the check
 * @param tier the account's pricing tier
 * @param features the assembled feature vector that was scored (schema order)
 */
public record Evaluation(Decision decision, List<ReasonCode> reasons, double pd, int score, double pdCutoff,
    String tier, String modelVersion, String policyVersion, float[] features) {
  /** The score of an evaluation whose PD is not finite. */
  public static final int NO_SCORE = 0;

  /** Whether the model gave a finite PD, i.e. {@code pd} and {@code score} mean something. */
  public boolean scored() {
    return Double.isFinite(pd);
  }
}
