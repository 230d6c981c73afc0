package com.creditgate.scoring.policy;

import com.creditgate.common.Check;
import java.time.Instant;
import java.util.List;

/**
 * Turns a {@link ReviewInput} into a {@link ReviewOutcome} by running the named rules of SPEC 2.4 in a fixed
 * order: price and segment context first, then the target limit, then what closes increases, then increases;
 * that is the earned limit. Then the cuts, each a share of the earned limit computed from the current inputs
 * (so they never compound: a second review with nothing new changes nothing), then the line's status.
 * Deterministic: time comes only from {@link ReviewInput#now()}.
 * Thread-safe (immutable).
 */
public final class LimitPolicy {
  private static final List<PolicyRule> EARNING_RULES = List.of(
      new TieredPricingRule(),
      new IndividualOverrideRule(),
      new PolicyOverlayRule(),
      new BaseLimitRule(),
      new CapsRule(),
      new OverdueRule(),
      new RepaymentConductRule(),
      new AnomalyCloseRule(),
      new InquiryRule(),
      new ThresholdIncreaseRule(),
      new EngagementBoostRule(),
      new ExposureGuardRule());
  private static final List<PolicyRule> CUTTING_RULES = List.of(
      new OverdueCutRule(),
      new DormancyDecayRule(),
      new ChurnPenaltyRule(),
      new MarketTighteningRule(),
      new ClosedReEvaluationRule());

  private final PolicyDocument document;

  public LimitPolicy(PolicyDocument document) {
    this.document = document;
  }

  public PolicyDocument document() {
    return document;
  }

  /** Names of the rules in the order they run. */
  public static List<String> ruleNames() {
    return java.util.stream.Stream.concat(EARNING_RULES.stream(), CUTTING_RULES.stream())
        .map(PolicyRule::name).toList();
  }

  /** Reviews one account. */
  public ReviewOutcome review(ReviewInput input) {
    ReviewDraft draft = new ReviewDraft(input, document);
    for (PolicyRule rule : EARNING_RULES) {
      rule.apply(input, document, draft);
    }
    draft.settleEarned();
    for (PolicyRule rule : CUTTING_RULES) {
      rule.apply(input, document, draft);
    }
    Check.that(draft.limitMinor >= 0 && draft.limitMinor <= draft.earnedMinor(),
        "limit %s must be within [0, earned %s]", draft.limitMinor, draft.earnedMinor());
    return new ReviewOutcome(draft.limitMinor, draft.earnedMinor(), draft.increased, draft.status, draft.tier.name(),
        draft.tier.dailyRate(), draft.increaseEligible(), List.copyOf(draft.increaseClosed),
        List.copyOf(draft.reasons), draft.firedRules);
  }

  /** The PD cut-off for a limit-check on an account of {@code segment} at {@code now}. Allocates nothing. */
  public double pdCutoff(String segment, Instant now) {
    return document.pdCutoffFor(segment, now, false);
  }
}
