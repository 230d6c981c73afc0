package com.creditgate.gateway.report;

import com.creditgate.common.account.AccountProfile;
import com.creditgate.common.money.Money;
import com.creditgate.gateway.ledger.ReviewPreview;
import com.creditgate.gateway.store.AccountRecord;
import com.creditgate.scoring.feature.FeatureAssembler;
import com.creditgate.scoring.policy.ReviewOutcome;

/**
 * The limit calculator: runs the limit review on a copy of an account with hypothetical changes, and the
 * same review without them, so {@code delta} is the effect of the changes alone. Both start from the ledger's
 * review inputs (earned limit, line history), so with no changes the limit is the one in force. Pure: nothing is
 * stored.
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

  static Result run(ReviewPreview preview, SimulatedChanges changes) {
    AccountRecord record = preview.record();
    AccountProfile profile = changes.applyTo(record.profile());
    float[] features = FeatureAssembler.assemble(preview.features(), profile, record.state(), preview.now());
    changes.applyTo(features);
    ReviewOutcome simulated = preview.review(profile, features).outcome();
    float[] unchanged = FeatureAssembler.assemble(preview.features(), record.profile(), record.state(), preview.now());
    ReviewOutcome baseline = preview.review(record.profile(), unchanged).outcome();
    long available = Money.available(simulated.creditLimitMinor(), record.state().outstandingMinor(),
        record.state().heldMinor());
    return new Result(simulated, baseline, available);
  }
}
