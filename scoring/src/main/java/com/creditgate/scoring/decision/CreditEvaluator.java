package com.creditgate.scoring.decision;

import com.creditgate.common.account.CreditFacts;
import com.creditgate.common.account.ProfileFacts;
import com.creditgate.common.reason.ReasonCode;
import com.creditgate.scoring.feature.FeatureAssembler;
import com.creditgate.scoring.model.CreditModel;
import com.creditgate.scoring.model.Factor;
import com.creditgate.scoring.model.ScoreScale;
import com.creditgate.scoring.policy.LimitPolicy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A limit-check decided in one pure call (SPEC 2.5): features assembled, scored by the champion, the policy's
 * cut-off and checkout blocks (merchant category, channel) applied, reasons explained. Immutable and
 * thread-safe; O(features) arithmetic with a few short-lived objects per call (the feature vector, the reason
 * list, the {@link Evaluation}), safe on an event loop.
 *
 * @param model the champion model
 * @param policy the limit policy in force
 */
public record CreditEvaluator(CreditModel model, LimitPolicy policy) {
  /** At most this many reasons are given (SPEC 2.3). */
  public static final int REASONS_MAX = 4;

  /**
   * Decides whether the account may spend {@code checkout}'s amount on credit at {@code now}.
   *
   * @param storedFeatures the account's behavioural vector; not modified (the derived features go into a copy)
   */
  public Evaluation evaluate(ProfileFacts profile, CreditFacts state, float[] storedFeatures, Checkout checkout,
      Instant now) {
    float[] features = FeatureAssembler.assemble(storedFeatures, profile, state, now);
    double pd = model.probabilityOfDefault(features);
    double pdCutoff = policy.pdCutoff(profile.segment(), now);
    List<ReasonCode> policyBlocks = policy.document().checkBlocks(profile.segment(), checkout.merchantCategory(),
        checkout.channel());
    CheckOutcome outcome = LimitCheckDecider.decide(state, pd, checkout.amountMinor(), pdCutoff,
        policy.document().reviewPdMargin(), policyBlocks);
    int score = Double.isFinite(pd) ? ScoreScale.scoreOf(pd) : Evaluation.NO_SCORE;
    return new Evaluation(outcome.decision(), reasons(outcome, features), pd, score, pdCutoff, state.tier(),
        model.version(), policy.document().version(), features);
  }

  /** Decline reasons first, then the model factors that lowered the score; at most {@link #REASONS_MAX}. */
  private List<ReasonCode> reasons(CheckOutcome outcome, float[] features) {
    List<ReasonCode> reasons = new ArrayList<>(REASONS_MAX);
    for (int i = 0; i < outcome.reasons().size() && reasons.size() < REASONS_MAX; i++) {
      reasons.add(outcome.reasons().get(i));
    }
    if (reasons.size() < REASONS_MAX) {
      for (Factor factor : model.explain(features, REASONS_MAX - reasons.size())) {
        reasons.add(factor.feature().reason());
      }
    }
    return reasons;
  }
}
