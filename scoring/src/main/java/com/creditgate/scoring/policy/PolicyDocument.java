package com.creditgate.scoring.policy;

import com.creditgate.common.Check;
import com.creditgate.common.money.Money;
import java.util.List;

/**
 * A versioned limit-policy document (SPEC 2.4). Immutable.
 *
 * @param limitStepMinor limits are rounded down to a multiple of this
 * @param customerCapMinor maximum limit of one customer (default 200 000 CNY)
 * @param incomeMultiple base limit is at most this many months of income, scaled by the PD band
 * @param pdCutoff a limit-check with a PD above this is declined
 * @param tiers PD bands, best first: the first tier whose {@code maxPd} is at least the PD applies
 */
public record PolicyDocument(
    String version,
    long limitStepMinor,
    long customerCapMinor,
    double incomeMultiple,
    double pdCutoff,
    int overdueCutDays,
    double overdueCutFactor,
    List<Tier> tiers) {

  public PolicyDocument {
    Check.notNull(version, "version");
    Check.argument(limitStepMinor > 0, "limitStepMinor must be positive");
    Check.argument(customerCapMinor > 0, "customerCapMinor must be positive");
    Check.argument(pdCutoff > 0 && pdCutoff < 1, "pdCutoff must be in (0, 1)");
    Check.argument(overdueCutFactor >= 0 && overdueCutFactor <= 1, "overdueCutFactor must be in [0, 1]");
    Check.argument(!tiers.isEmpty(), "at least one tier");
    tiers = List.copyOf(tiers);
  }

  /** The built-in default policy. */
  public static PolicyDocument defaults() {
    return new PolicyDocument("policy-default-1", Money.ofMajor(100), Money.ofMajor(200_000), 3.0, 0.25,
        30, 0.5,
        List.of(new Tier("A", 0.01, 0.00020, 1.00), new Tier("B", 0.03, 0.00030, 0.80),
            new Tier("C", 0.08, 0.00040, 0.55), new Tier("D", 0.15, 0.00050, 0.30),
            new Tier("E", 1.00, 0.00050, 0.00)));
  }

  /** The tier for a probability of default. */
  public Tier tierFor(double pd) {
    for (Tier tier : tiers) {
      if (pd <= tier.maxPd()) {
        return tier;
      }
    }
    return tiers.get(tiers.size() - 1);
  }

  /**
   * A PD band.
   *
   * @param dailyRate daily interest rate (a rate, not money)
   * @param limitFactor share of the income-based limit granted in this band
   */
  public record Tier(String name, double maxPd, double dailyRate, double limitFactor) {}
}
