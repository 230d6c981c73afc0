package com.creditgate.gateway.risk;

import com.creditgate.common.account.AccountProfile;
import com.creditgate.common.account.CreditState;
import com.creditgate.scoring.decision.CheckOutcome;
import com.creditgate.scoring.decision.LimitCheckDecider;
import com.creditgate.scoring.model.CreditModel;
import com.creditgate.scoring.model.Factor;
import com.creditgate.scoring.policy.LimitPolicy;
import com.creditgate.scoring.policy.PolicyDocument;
import com.creditgate.scoring.policy.ReviewInput;
import com.creditgate.scoring.policy.ReviewOutcome;
import java.time.Instant;
import java.util.List;

/**
 * The active model and policy, and the pure steps of a decision built on them. Both are swapped atomically
 * (one volatile reference), so a request sees one consistent pair. Thread-safe; every method is
 * O(features) arithmetic, safe on the event loop.
 */
public final class RiskEngine {
  private volatile Active active;

  public RiskEngine(CreditModel model, LimitPolicy policy) {
    this.active = new Active(model, policy);
  }

  /** The pair in force now; read it once per request. */
  public Active active() {
    return active;
  }

  /** Replaces the model and policy in one step. */
  public void activate(CreditModel model, LimitPolicy policy) {
    this.active = new Active(model, policy);
  }

  /** A review's outcome and the PD it was based on. */
  public record Review(double pd, ReviewOutcome outcome) {}

  /** An immutable model and policy pair. */
  public record Active(CreditModel model, LimitPolicy policy) {

    public PolicyDocument policyDocument() {
      return policy.document();
    }

    /** Probability of default of {@code features}. */
    public double pd(float[] features) {
      return model.probabilityOfDefault(features);
    }

    /** Factors that lowered the score, worst first. */
    public List<Factor> explain(float[] features, int max) {
      return model.explain(features, max);
    }

    /** Runs a limit review. */
    public ReviewOutcome review(AccountProfile profile, CreditState state, float[] features, Instant now) {
      return policy.review(ReviewInput.of(profile, state, features, model.probabilityOfDefault(features), now));
    }

    /**
     * Runs a limit review with the review's history: the score at the previous review and the segment's
     * granted exposure (see {@link ReviewInput}).
     */
    public Review review(AccountProfile profile, CreditState state, float[] features, int previousScore,
        long segmentExposureMinor, Instant now) {
      double pd = model.probabilityOfDefault(features);
      return new Review(pd, policy.review(
          new ReviewInput(profile, state, features, pd, previousScore, segmentExposureMinor, now)));
    }

    /** Decides a limit-check for an account of {@code segment} at {@code now}. */
    public CheckOutcome decide(CreditState state, String segment, double pd, long amountMinor, Instant now) {
      return LimitCheckDecider.decide(state, pd, amountMinor, policy.pdCutoff(segment, now));
    }
  }
}
