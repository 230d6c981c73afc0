package com.creditgate.gateway.report;

import com.creditgate.common.account.AccountProfile;
import com.creditgate.common.money.Money;
import com.creditgate.gateway.risk.FeatureAssembler;
import com.creditgate.gateway.risk.RiskEngine;
import com.creditgate.gateway.store.AccountRecord;
import com.creditgate.scoring.policy.ReviewOutcome;
import java.time.Instant;

/**
 * The limit calculator: runs the limit review on a copy of an account with hypothetical changes, and the
 * same review without them, so {@code delta} is the effect of the changes alone. Pure: nothing is stored.
 * Thread-safe (stateless); O(features) plus one review.
 */
final class LimitSimulator {
  private LimitSimulator() {}

  /** A simulated review and the unchanged baseline. */
  record Result(ReviewOutcome simulated, ReviewOutcome baseline, long availableMinor) {
    long deltaMinor() {
      return Math.subtractExact(simulated.creditLimitMinor(), baseline.creditLimitMinor());
    }
  }

  static Result run(AccountRecord record, SimulatedChanges changes, RiskEngine.Active active, Instant now) {
    AccountProfile profile = changes.applyTo(record.profile());
    float[] features = FeatureAssembler.assemble(record.features(), profile, record.state(), now);
    changes.applyTo(features);
    ReviewOutcome simulated = active.review(profile, record.state(), features, now);
    float[] unchanged = FeatureAssembler.assemble(record.features(), record.profile(), record.state(), now);
    ReviewOutcome baseline = active.review(record.profile(), record.state(), unchanged, now);
    long available = Money.available(simulated.creditLimitMinor(), record.state().outstandingMinor(),
        record.state().heldMinor());
    return new Result(simulated, baseline, available);
  }
}
