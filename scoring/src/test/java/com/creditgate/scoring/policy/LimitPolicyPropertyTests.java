package com.creditgate.scoring.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.creditgate.common.account.AccountStatus;
import com.creditgate.common.money.Money;
import com.creditgate.scoring.feature.Feature;
import com.creditgate.scoring.testing.Generator;
import com.creditgate.scoring.testing.Generators;
import com.creditgate.scoring.testing.Property;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Properties of the limit policy over random accounts and random sequences of reviews (issue #13): reviews are
 * idempotent, dormancy decay is bounded, money invariants hold after every review. Seeded and replayable: see
 * {@link Property}.
 */
class LimitPolicyPropertyTests {

  @Test
  void reviewingAgainWithNothingNewChangesNothing() {
    Property.forAll(300, accounts(), LimitPolicyPropertyTests::reviewingAgainChangesNothing);
  }

  @Test
  void aYearOfDailyReviewsWithoutEventsMovesTheLimitOnlyByBoundedDecay() {
    Property.forAll(100, accounts(), LimitPolicyPropertyTests::aYearOfReviewsOnlyDecays);
  }

  @Test
  void moneyInvariantsHoldAfterEveryReviewOfASequence() {
    Property.forAll(300, histories(), history -> moneyInvariantsHold(history.account(), history.steps()));
  }

  private static void reviewingAgainChangesNothing(Account generated) {
    Scenario account = generated.scenario();
    ReviewOutcome first = account.reviewAndKeep();
    ReviewOutcome second = account.reviewAndKeep();
    assertThat(second.creditLimitMinor()).isEqualTo(first.creditLimitMinor());
    assertThat(second.earnedLimitMinor()).isEqualTo(first.earnedLimitMinor());
    assertThat(second.status()).isEqualTo(first.status());
    assertThat(second.increaseEligible()).isEqualTo(first.increaseEligible());
    assertThat(second.increased()).isFalse();
  }

  private static void aYearOfReviewsOnlyDecays(Account generated) {
    Scenario account = generated.scenario();
    account.reviewAndKeep();
    long earned = account.history.earnedLimitMinor();
    float idleDays = account.features[Feature.DAYS_SINCE_LAST_DRAW.ordinal()];
    long previous = Long.MAX_VALUE;
    for (int day = 1; day <= 365; day++) {
      account.now = account.now.plus(Duration.ofDays(1));
      account.set(Feature.DAYS_SINCE_LAST_DRAW, idleDays + day);
      ReviewOutcome outcome = account.reviewAndKeep();
      assertThat(outcome.earnedLimitMinor()).isEqualTo(earned);
      assertThat(outcome.creditLimitMinor()).isLessThanOrEqualTo(previous);
      assertThat(outcome.increased()).isFalse();
      previous = outcome.creditLimitMinor();
    }
    PolicyDocument.Dormancy dormancy = account.policy.dormancy();
    long decayFloor = Money.roundDown(Money.scaleBps(earned, Money.BPS_ONE - dormancy.maxDecayBps()),
        account.policy.limitStepMinor());
    long lowest = Math.min(earned, Math.max(decayFloor, dormancy.floorMinor()));
    if (!account.cutByOtherRules()) {
      assertThat(previous).isGreaterThanOrEqualTo(lowest);
    }
  }

  private static void moneyInvariantsHold(Account generated, List<Step> steps) {
    Scenario account = generated.scenario();
    for (Step step : steps) {
      step.applyTo(account);
      ReviewOutcome outcome = account.reviewAndKeep();
      assertThat(outcome.creditLimitMinor()).isBetween(0L, outcome.earnedLimitMinor());
      assertThat(outcome.earnedLimitMinor()).isLessThanOrEqualTo(account.policy.customerCapMinor());
      assertThat(outcome.creditLimitMinor() % account.policy.limitStepMinor()).isZero();
      assertThat(outcome.increaseEligible()).isEqualTo(outcome.increaseClosedReasons().isEmpty());
      if (outcome.status() == AccountStatus.FROZEN) {
        assertThat(outcome.increased()).isFalse();
      }
    }
  }

  /** Random accounts: income, a limit on the 100-CNY step, PD, on-time repayments, idle days, churn, DPD. */
  static Generator<Account> accounts() {
    Generator<Long> incomes = Generators.longs(0, 10_000_000);
    Generator<Long> limits = Generators.longs(0, 2_000).map(steps -> steps * 10_000);
    Generator<Double> pds = Generators.doubles(0.0005, 0.4, 4);
    Generator<Integer> onTime = Generators.ints(0, 12);
    Generator<Integer> idle = Generators.ints(0, 400);
    Generator<Integer> cycles = Generators.ints(0, 6);
    Generator<Integer> dpd = Generators.<Integer>frequency().or(4, Generators.just(0)).or(1, Generators.just(15))
        .or(1, Generators.just(45));
    return random -> new Account(incomes.next(random), limits.next(random), pds.next(random), onTime.next(random),
        idle.next(random), cycles.next(random), dpd.next(random));
  }

  /** A random account and a random sequence of up to 30 things that happen to it. */
  static Generator<History> histories() {
    Generator<Account> accounts = accounts();
    Generator<List<Step>> steps = steps();
    return random -> new History(accounts.next(random), steps.next(random));
  }

  /** An account and what happens to it, review after review. */
  record History(Account account, List<Step> steps) {}

  /** A generated account; each property run builds a fresh {@link Scenario} from it. */
  record Account(long incomeMinor, long limitMinor, double pd, int onTime, int idleDays, int quickCycles, int dpd) {
    Scenario scenario() {
      Scenario s = Scenario.healthy().set(Feature.ONTIME_REPAYMENTS_12M, onTime)
          .set(Feature.DAYS_SINCE_LAST_DRAW, idleDays).set(Feature.QUICK_CYCLES_30D, quickCycles)
          .set(Feature.CURRENT_DPD, dpd);
      s.monthlyIncomeMinor = incomeMinor;
      s.creditLimitMinor = limitMinor;
      s.outstandingMinor = Math.min(s.outstandingMinor, limitMinor);
      s.pd = pd;
      s.status = dpd > 0 ? AccountStatus.FROZEN : AccountStatus.ACTIVE;
      s.history = new LineHistory(limitMinor, null, 0);
      return s;
    }
  }

  static Generator<List<Step>> steps() {
    Generator<Step> step = Generators.oneOf(
        Generators.ints(1, 60).map(Step::days),
        Generators.just(Step.repaidOnTime()),
        Generators.ints(1, 120).map(Step::overdue),
        Generators.just(Step.overdueRepaid()),
        Generators.ints(0, 6).map(Step::quickCycles),
        Generators.just(Step.drew()));
    return Generators.listOf(step, 30);
  }

  /** One thing that happens to an account between two reviews. */
  sealed interface Step {
    void applyTo(Scenario s);

    static Step days(int days) {
      return new DaysPass(days);
    }

    static Step repaidOnTime() {
      return new RepaidOnTime();
    }

    static Step overdue(int dpd) {
      return new Overdue(dpd);
    }

    static Step overdueRepaid() {
      return new Overdue(0);
    }

    static Step quickCycles(int count) {
      return new QuickCycles(count);
    }

    static Step drew() {
      return new Drew();
    }
  }

  record DaysPass(int days) implements Step {
    @Override
    public void applyTo(Scenario s) {
      s.now = s.now.plus(Duration.ofDays(days));
      s.set(Feature.DAYS_SINCE_LAST_DRAW, s.features[Feature.DAYS_SINCE_LAST_DRAW.ordinal()] + days);
      float dpd = s.features[Feature.CURRENT_DPD.ordinal()];
      if (dpd > 0) {
        s.set(Feature.CURRENT_DPD, dpd + days);
      }
    }
  }

  record RepaidOnTime() implements Step {
    @Override
    public void applyTo(Scenario s) {
      s.set(Feature.ONTIME_REPAYMENTS_12M, s.features[Feature.ONTIME_REPAYMENTS_12M.ordinal()] + 1);
      s.history = s.history.withOnTimeRepayments(1);
    }
  }

  record Overdue(int dpd) implements Step {
    @Override
    public void applyTo(Scenario s) {
      s.set(Feature.CURRENT_DPD, dpd);
    }
  }

  record QuickCycles(int count) implements Step {
    @Override
    public void applyTo(Scenario s) {
      s.set(Feature.QUICK_CYCLES_30D, count);
    }
  }

  record Drew() implements Step {
    @Override
    public void applyTo(Scenario s) {
      s.set(Feature.DAYS_SINCE_LAST_DRAW, 0);
    }
  }
}
