package com.creditgate.scoring.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.creditgate.common.account.AccountStatus;
import com.creditgate.common.money.Money;
import com.creditgate.scoring.feature.Feature;
import java.time.Duration;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * Properties of the limit policy over random accounts and random sequences of reviews (issue #13): reviews are
 * idempotent, dormancy decay is bounded, money invariants hold after every review.
 */
class LimitPolicyProperties {

  @Property(tries = 300)
  void reviewingAgainWithNothingNewChangesNothing(@ForAll("accounts") Account generated) {
    Scenario account = generated.scenario();
    ReviewOutcome first = account.reviewAndKeep();
    ReviewOutcome second = account.reviewAndKeep();
    assertThat(second.creditLimitMinor()).isEqualTo(first.creditLimitMinor());
    assertThat(second.earnedLimitMinor()).isEqualTo(first.earnedLimitMinor());
    assertThat(second.status()).isEqualTo(first.status());
    assertThat(second.increaseEligible()).isEqualTo(first.increaseEligible());
    assertThat(second.increased()).isFalse();
  }

  @Property(tries = 100)
  void aYearOfDailyReviewsWithoutEventsMovesTheLimitOnlyByBoundedDecay(@ForAll("accounts") Account generated) {
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

  @Property(tries = 300)
  void moneyInvariantsHoldAfterEveryReviewOfASequence(@ForAll("accounts") Account generated,
      @ForAll("steps") List<Step> steps) {
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

  @Provide
  Arbitrary<Account> accounts() {
    Arbitrary<Long> incomes = Arbitraries.longs().between(0, 10_000_000);
    Arbitrary<Long> limits = Arbitraries.longs().between(0, 2_000).map(steps -> steps * 10_000);
    Arbitrary<Double> pds = Arbitraries.doubles().between(0.0005, 0.4).ofScale(4);
    Arbitrary<Integer> onTime = Arbitraries.integers().between(0, 12);
    Arbitrary<Integer> idle = Arbitraries.integers().between(0, 400);
    Arbitrary<Integer> cycles = Arbitraries.integers().between(0, 6);
    Arbitrary<Integer> dpd = Arbitraries.frequency(Tuple.of(4, 0), Tuple.of(1, 15), Tuple.of(1, 45));
    return Combinators.combine(incomes, limits, pds, onTime, idle, cycles, dpd)
        .as(Account::new);
  }

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

  @Provide
  Arbitrary<List<Step>> steps() {
    Arbitrary<Step> step = Arbitraries.oneOf(
        Arbitraries.integers().between(1, 60).map(Step::days),
        Arbitraries.just(Step.repaidOnTime()),
        Arbitraries.integers().between(1, 120).map(Step::overdue),
        Arbitraries.just(Step.overdueRepaid()),
        Arbitraries.integers().between(0, 6).map(Step::quickCycles),
        Arbitraries.just(Step.drew()));
    return step.list().ofMaxSize(30);
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
