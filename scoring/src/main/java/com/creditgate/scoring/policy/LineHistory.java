package com.creditgate.scoring.policy;

import com.creditgate.common.Check;
import com.creditgate.common.account.CreditState;
import java.time.Instant;

/**
 * What a review remembers of the line between reviews, so that a review is a function of the account's inputs
 * and never compounds (SPEC 2.4): cuts are taken from the earned limit each time, and an increase needs new
 * evidence and the cool-down since the previous one. Immutable.
 *
 * @param earnedLimitMinor the limit before cuts: the base grant and the increases since, after caps
 * @param lastIncreaseAt when the earned limit last went up, or {@code null} when it never did
 * @param onTimeSinceIncrease on-time repayments recorded since the last increase (or since the line opened)
 */
public record LineHistory(long earnedLimitMinor, Instant lastIncreaseAt, int onTimeSinceIncrease) {

  public LineHistory {
    Check.argument(earnedLimitMinor >= 0, "earnedLimit must be >= 0, was %s", earnedLimitMinor);
    Check.argument(onTimeSinceIncrease >= 0, "onTimeSinceIncrease must be >= 0, was %s", onTimeSinceIncrease);
  }

  /**
   * The history of a line known only by its state (the seeder's first review, the limit-check's closed-line
   * test): the current limit counts as earned and no increase is on record. Reviews that move or show a limit
   * take the ledger's stored history instead.
   */
  public static LineHistory of(CreditState state) {
    return new LineHistory(state.creditLimitMinor(), null, 0);
  }

  /** The history to remember after {@code outcome}, a review at {@code now}. */
  public LineHistory after(ReviewOutcome outcome, Instant now) {
    return outcome.increased()
        ? new LineHistory(outcome.earnedLimitMinor(), now, 0)
        : new LineHistory(outcome.earnedLimitMinor(), lastIncreaseAt, onTimeSinceIncrease);
  }

  /** This history with {@code count} more on-time repayments recorded. */
  public LineHistory withOnTimeRepayments(int count) {
    return new LineHistory(earnedLimitMinor, lastIncreaseAt, Math.addExact(onTimeSinceIncrease, count));
  }
}
