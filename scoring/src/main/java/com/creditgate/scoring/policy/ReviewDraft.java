package com.creditgate.scoring.policy;

import com.creditgate.common.Check;
import com.creditgate.common.account.AccountStatus;
import com.creditgate.common.money.Money;
import com.creditgate.common.reason.ReasonCode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The review being built as rules run, in order. Not thread-safe: one per review. */
final class ReviewDraft {
  /** The limit in force before this review (after the previous review's cuts). */
  final long currentLimitMinor;
  /** The earned limit before this review: base grant and increases, before cuts ({@link LineHistory}). */
  final long earnedBeforeMinor;
  PolicyDocument.Tier tier;
  /** PD cut-off after overlays (rule 11). */
  double pdCutoff;
  /** Product of the active overlays' limit multipliers, bps. */
  long limitMultiplierBps = Money.BPS_ONE;
  /** Share of the current limit cut by market tightening, bps. */
  long tighteningCutBps;
  /** Rule 12 cleared the bar: tightening overlays do not apply. */
  boolean individualOverride;
  /** Capacity-based limit after caps: where the limit is heading. */
  long targetMinor;
  /** The limit as rules have moved it so far: the earned limit until {@link #settleEarned()}, then the cut limit. */
  long limitMinor;
  /** The earned limit of this review, fixed by {@link #settleEarned()} before the cuts run; -1 before. */
  private long earnedMinor = -1;
  /** Rule 6 raised the limit this review. */
  boolean increased;
  AccountStatus status;
  final Set<ReasonCode> increaseClosed = new LinkedHashSet<>();
  final Set<ReasonCode> reasons = new LinkedHashSet<>();
  final List<String> firedRules = new ArrayList<>();

  ReviewDraft(ReviewInput input, PolicyDocument policy) {
    this.currentLimitMinor = input.state().creditLimitMinor();
    this.earnedBeforeMinor = input.history().earnedLimitMinor();
    this.limitMinor = earnedBeforeMinor;
    this.status = input.state().status();
    this.pdCutoff = policy.pdCutoff();
  }

  void fired(PolicyRule rule, ReasonCode reason) {
    if (!firedRules.contains(rule.name())) {
      firedRules.add(rule.name());
    }
    if (reason != null) {
      reasons.add(reason);
    }
  }

  void closeIncreases(PolicyRule rule, ReasonCode reason) {
    increaseClosed.add(reason);
    fired(rule, reason);
  }

  /** Lowers the limit to {@code ceilingMinor} when it is above it; says so when it did. */
  void lowerTo(long ceilingMinor, PolicyRule rule, ReasonCode reason) {
    if (ceilingMinor < limitMinor) {
      limitMinor = Math.max(0, ceilingMinor);
      fired(rule, reason);
    }
  }

  /** Ends the grant and increase rules: the limit so far is this review's earned limit. */
  void settleEarned() {
    Check.that(limitMinor >= 0, "earned limit must not be negative, was %s", limitMinor);
    earnedMinor = limitMinor;
  }

  /**
   * What cuts (overdue, dormancy, churn, tightening) take their share of: the earned limit, never the limit
   * an earlier review already cut, so that reviewing again with the same inputs cuts nothing more.
   */
  long cutBaseMinor() {
    Check.that(earnedMinor >= 0, "cuts run after settleEarned()");
    return earnedMinor;
  }

  /** This review's earned limit. */
  long earnedMinor() {
    return cutBaseMinor();
  }

  boolean increaseEligible() {
    return increaseClosed.isEmpty();
  }
}
