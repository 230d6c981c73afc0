package com.creditgate.gateway.risk;

import com.creditgate.common.account.AccountProfile;
import com.creditgate.common.account.CreditState;
import com.creditgate.gateway.error.GatewayException;
import com.creditgate.scoring.decision.CreditEvaluator;
import com.creditgate.scoring.model.CreditModel;
import com.creditgate.scoring.model.Factor;
import com.creditgate.scoring.policy.LimitPolicy;
import com.creditgate.scoring.policy.LineHistory;
import com.creditgate.scoring.policy.PolicyDocument;
import com.creditgate.scoring.policy.ReviewInput;
import com.creditgate.scoring.policy.ReviewOutcome;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.LongAdder;

/**
 * The models and policy in force, and the pure steps of a decision built on them. They are swapped
 * atomically (one volatile reference), so a request sees one consistent set and a swap fails no request.
 * Thread-safe; every method is O(features) arithmetic, safe on the event loop.
 */
public final class RiskEngine {
  private volatile Active active;
  private final LongAdder shadowScored = new LongAdder();
  private final LongAdder shadowDisagreements = new LongAdder();

  public RiskEngine(CreditModel model, LimitPolicy policy) {
    this.active = new Active(model, policy, null, 0, 0);
  }

  /** The set in force now; read it once per request. */
  public Active active() {
    return active;
  }

  /** Replaces everything in one step. */
  public void activate(Active next) {
    this.active = next;
  }

  /**
   * Replaces the set unless the one in force comes from a newer revision (reloads may finish out of order);
   * returns whether it did.
   */
  public synchronized boolean activateIfNewer(Active next) {
    if (next.revision() < active.revision()) {
      return false;
    }
    this.active = next;
    return true;
  }

  /**
   * Scores {@code features} with the challenger on its share of traffic, in shadow: counts whether its
   * decision would differ from the champion's; never changes the answer.
   */
  public void shadow(Active set, float[] features, double championPd, double pdCutoff) {
    if (set.challenger() == null || ThreadLocalRandom.current().nextDouble() >= set.challengerShare()) {
      return;
    }
    shadowScored.increment();
    double challengerPd = set.challenger().probabilityOfDefault(features);
    if ((challengerPd > pdCutoff) != (championPd > pdCutoff)) {
      shadowDisagreements.increment();
    }
  }

  /** Requests the challenger scored in shadow. */
  public long shadowScored() {
    return shadowScored.sum();
  }

  /** Shadow scores whose decision differed from the champion's. */
  public long shadowDisagreements() {
    return shadowDisagreements.sum();
  }

  /** A review's outcome and the PD it was based on. */
  public record Review(double pd, ReviewOutcome outcome) {}

  /**
   * An immutable set: the champion (the model under the policy, which decides limit-checks), an optional
   * challenger with its traffic share, and the revision of the risk configuration it came from (0 = built in).
   */
  public record Active(CreditEvaluator champion, CreditModel challenger, double challengerShare,
      long revision) {

    /** A set whose champion is {@code model} under {@code policy}. */
    public Active(CreditModel model, LimitPolicy policy, CreditModel challenger, double challengerShare,
        long revision) {
      this(new CreditEvaluator(model, policy), challenger, challengerShare, revision);
    }

    /** The champion model. */
    public CreditModel model() {
      return champion.model();
    }

    /** The limit policy in force. */
    public LimitPolicy policy() {
      return champion.policy();
    }

    public PolicyDocument policyDocument() {
      return policy().document();
    }

    /** Probability of default of {@code features}. */
    public double pd(float[] features) {
      return model().probabilityOfDefault(features);
    }

    /** Factors that lowered the score, worst first. */
    public List<Factor> explain(float[] features, int max) {
      return model().explain(features, max);
    }

    /** Runs a limit review of a line known only by its state; 503 when the model answers a non-finite PD. */
    public ReviewOutcome review(AccountProfile profile, CreditState state, float[] features, Instant now) {
      return policy().review(ReviewInput.of(profile, state, features, finitePd(features), now));
    }

    private double finitePd(float[] features) {
      double pd = model().probabilityOfDefault(features);
      if (!Double.isFinite(pd)) {
        throw new GatewayException.DependencyUnavailable("model",
            model().version() + " answered a non-finite probability of default");
      }
      return pd;
    }

    /**
     * Runs a limit review with the review's history: the score at the previous review, the segment's granted
     * exposure and the line's history (see {@link ReviewInput}). A model that answers a non-finite PD fails
     * the review (503, nothing written) rather than reviewing on it: no limit moves on a broken model.
     */
    public Review review(AccountProfile profile, CreditState state, float[] features, int previousScore,
        long segmentExposureMinor, Instant now, LineHistory history) {
      double pd = finitePd(features);
      return new Review(pd, policy().review(
          new ReviewInput(profile, state, features, pd, previousScore, segmentExposureMinor, now, history)));
    }
  }
}
