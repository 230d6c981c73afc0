package com.creditgate.gateway.seed;

import com.creditgate.common.account.AccountProfile;
import com.creditgate.common.account.AccountStatus;
import com.creditgate.common.account.CreditState;
import com.creditgate.common.money.Money;
import com.creditgate.gateway.risk.RiskEngine;
import com.creditgate.gateway.store.AccountRecord;
import com.creditgate.scoring.feature.Feature;
import com.creditgate.scoring.feature.FeatureAssembler;
import com.creditgate.scoring.feature.FeatureSchema;
import com.creditgate.scoring.policy.ReviewOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Generates synthetic accounts with realistic, correlated feature distributions (a latent "quality" drives
 * score, income, repayment behaviour and anomalies), each given its limit by a policy review. Deterministic
 * for a seed. Ids are {@code acc-000001}, {@code acc-000002}, ...
 */
public final class SyntheticPopulation {
  private static final List<String> REGIONS = List.of("310000", "110000", "440000", "330000", "510000", "420000");
  private static final List<String> OCCUPATIONS = List.of("ENGINEER", "TEACHER", "CIVIL_SERVANT", "SALES",
      "SELF_EMPLOYED", "STUDENT", "WORKER");
  private static final List<String> SEGMENTS = List.of("MASS", "MASS", "MASS", "YOUNG", "PREMIUM", "SMB");

  private final SplittableRandom random;
  private final RiskEngine engine;
  private final Instant now;

  public SyntheticPopulation(long seed, RiskEngine engine, Instant now) {
    this.random = new SplittableRandom(seed);
    this.engine = engine;
    this.now = now;
  }

  /** The id of the {@code n}-th account (1-based). */
  public static String accountId(int n) {
    return String.format("acc-%06d", n);
  }

  /** Generates account number {@code n}. */
  public AccountRecord next(int n) {
    double quality = clamp(random.nextGaussian() * 0.18 + 0.62, 0.0, 1.0);
    AccountProfile profile = profile(quality);
    float[] stored = behaviour(quality);
    CreditState fresh = new CreditState(0, 0, 0, AccountStatus.ACTIVE, "C", true, List.of(), 0);
    float[] features = FeatureAssembler.assemble(stored, profile, fresh, now);
    ReviewOutcome review = engine.active().review(profile, fresh, features, now);
    long outstanding = Money.roundDown((long) (review.creditLimitMinor() * random.nextDouble() * 0.5), 100);
    CreditState state = new CreditState(review.creditLimitMinor(), outstanding, 0, review.status(),
        review.tier(), review.increaseEligible(), review.increaseClosedReasons(), 1);
    return new AccountRecord(accountId(n), profile, state, stored);
  }

  private AccountProfile profile(double quality) {
    int score = (int) clamp(350 + quality * 520 + random.nextGaussian() * 40, 350, 950);
    long incomeYuan = (long) clamp(2_500 + quality * 18_000 * Math.exp(random.nextGaussian() * 0.4), 800, 200_000);
    long assetsYuan = (long) clamp(quality * 60_000 * Math.exp(random.nextGaussian()), 0, 5_000_000);
    Instant opened = now.minus(Duration.ofDays(30 + random.nextInt(3_000)));
    return new AccountProfile(pick(REGIONS), pick(OCCUPATIONS), Money.ofMajor(incomeYuan), score, pick(SEGMENTS),
        Money.ofMajor(assetsYuan), opened);
  }

  private float[] behaviour(double quality) {
    float[] f = FeatureSchema.missingVector();
    double risk = 1.0 - quality;
    int repayments = random.nextInt(13);
    f[Feature.ONTIME_REPAYMENTS_12M.ordinal()] = repayments;
    f[Feature.ONTIME_RATIO_12M.ordinal()] = repayments == 0 ? Float.NaN : (float) clamp(1.0 - risk * random.nextDouble() * 0.5, 0, 1);
    f[Feature.CURRENT_DPD.ordinal()] = random.nextDouble() < risk * 0.06 ? 1 + random.nextInt(60) : 0;
    f[Feature.MAX_DPD_12M.ordinal()] = random.nextDouble() < risk * 0.25 ? random.nextInt(45) : 0;
    f[Feature.OVERDUE_COUNT_12M.ordinal()] = random.nextDouble() < risk * 0.3 ? 1 + random.nextInt(4) : 0;
    f[Feature.EXTENSIONS_12M.ordinal()] = random.nextDouble() < risk * 0.3 ? 1 + random.nextInt(3) : 0;
    f[Feature.MONTHLY_SPEND.ordinal()] = (float) (quality * 4_000 * Math.exp(random.nextGaussian() * 0.6));
    f[Feature.PAYMENT_FREQUENCY_30D.ordinal()] = random.nextInt(60);
    f[Feature.LARGE_PAYMENTS_12M.ordinal()] = random.nextInt(8);
    f[Feature.INCOME_STABILITY.ordinal()] = (float) clamp(quality + random.nextGaussian() * 0.15, 0, 1);
    f[Feature.INQUIRIES_30D.ordinal()] = (float) Math.floor(risk * random.nextDouble() * 8);
    f[Feature.INQUIRIES_90D.ordinal()] = f[Feature.INQUIRIES_30D.ordinal()] + random.nextInt(4);
    f[Feature.LOGIN_ANOMALY_SCORE.ordinal()] = (float) (random.nextDouble() < 0.03 ? 0.5 + random.nextDouble() / 2 : random.nextDouble() * 0.3);
    f[Feature.TXN_ANOMALY_FLAGS.ordinal()] = random.nextDouble() < 0.02 ? 1 : 0;
    f[Feature.LINKED_ACCOUNT_RISK.ordinal()] = (float) (random.nextDouble() < 0.02 ? 0.8 : random.nextDouble() * 0.2);
    f[Feature.DEVICE_CHANGES_AT_REPAYMENT.ordinal()] = random.nextDouble() < 0.1 ? 1 : 0;
    f[Feature.DAYS_SINCE_LAST_DRAW.ordinal()] = random.nextInt(400);
    f[Feature.QUICK_CYCLES_30D.ordinal()] = random.nextDouble() < 0.08 ? 3 + random.nextInt(10) : random.nextInt(3);
    f[Feature.ENGAGEMENT_TASKS.ordinal()] = random.nextInt(6);
    return f;
  }

  private String pick(List<String> values) {
    return values.get(random.nextInt(values.size()));
  }

  private static double clamp(double value, double min, double max) {
    return Math.min(Math.max(value, min), max);
  }
}
