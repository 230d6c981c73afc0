package com.creditgate.scoring.policy;

import com.creditgate.common.Check;
import com.creditgate.common.reason.ReasonCode;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A versioned limit-policy document (SPEC 2.4): every knob of every rule. Immutable. Read it with
 * {@link PolicyDocumentReader}; the shipped defaults are {@code policies/policy-default.json}, documented in
 * the README. Factors are basis points ({@code 10 000} = 1x) so that money is scaled without floating point.
 *
 * @param limitStepMinor limits are rounded down to a multiple of this
 * @param customerCapMinor maximum limit of one customer (default 200 000 CNY)
 * @param regionCapsMinor maximum limit per region code (rule 2)
 * @param occupationCapsMinor maximum limit per occupation (rule 2)
 * @param incomeMultipleBps repayment capacity counts this many (bps) months of income (rule 1)
 * @param assetShareBps repayment capacity counts this share of platform assets (rule 1)
 * @param pdCutoff a PD above this closes the line and declines limit-checks (rules 11, 13)
 * @param reviewPdMargin a limit-check that would be approved with a PD within this margin below the
 *     cut-off in force is answered REVIEW (SPEC 2.5 "borderline"); 0 (the default) turns REVIEW off
 * @param tiers PD bands, best first: the first tier whose {@code maxPd} is at least the PD applies (rule 15)
 * @param segmentBudgetsMinor total granted limit a segment may reach through increases (rule 14)
 * @param overlays segment overlays: risk appetite, market tightening, promotion windows (rule 11)
 * @param blockedMerchantCategories merchant categories a limit-check may not spend credit on, per segment
 *     ({@code "*"}: every segment); such a check is declined with D208
 * @param blockedChannels checkout channels a limit-check may not spend credit through, per segment
 *     ({@code "*"}: every segment); such a check is declined with D210
 */
public record PolicyDocument(
    String version,
    long limitStepMinor,
    long customerCapMinor,
    Map<String, Long> regionCapsMinor,
    Map<String, Long> occupationCapsMinor,
    long incomeMultipleBps,
    long assetShareBps,
    double pdCutoff,
    double reviewPdMargin,
    List<Tier> tiers,
    Overdue overdue,
    Conduct conduct,
    Anomaly anomaly,
    Inquiry inquiry,
    Increase increase,
    Engagement engagement,
    Dormancy dormancy,
    Churn churn,
    IndividualOverride individualOverride,
    Map<String, Long> segmentBudgetsMinor,
    List<Overlay> overlays,
    Map<String, List<String>> blockedMerchantCategories,
    Map<String, List<String>> blockedChannels) {

  public PolicyDocument {
    Check.argument(version != null && !version.isBlank(), "policy version is required");
    Check.argument(limitStepMinor > 0, "limitStepMinor must be positive");
    Check.argument(customerCapMinor > 0, "customerCapMinor must be positive");
    Check.argument(incomeMultipleBps >= 0 && assetShareBps >= 0, "capacity factors must be >= 0");
    Check.argument(pdCutoff > 0 && pdCutoff < 1, "pdCutoff must be in (0, 1)");
    Check.argument(reviewPdMargin >= 0 && reviewPdMargin < 1, "reviewPdMargin must be in [0, 1)");
    Check.argument(tiers != null && !tiers.isEmpty(), "at least one tier");
    Check.argument(tiers.get(tiers.size() - 1).maxPd() >= 1.0, "the last tier must cover PD 1.0");
    for (int i = 1; i < tiers.size(); i++) {
      Check.argument(tiers.get(i).maxPd() > tiers.get(i - 1).maxPd(), "tiers must be ordered by maxPd");
    }
    Check.argument(overdue != null && conduct != null && anomaly != null && inquiry != null && increase != null
        && engagement != null && dormancy != null && churn != null && individualOverride != null,
        "every rule section is required");
    regionCapsMinor = Map.copyOf(regionCapsMinor);
    occupationCapsMinor = Map.copyOf(occupationCapsMinor);
    segmentBudgetsMinor = Map.copyOf(segmentBudgetsMinor);
    tiers = List.copyOf(tiers);
    overlays = List.copyOf(overlays);
    blockedMerchantCategories = Map.copyOf(blockedMerchantCategories);
    blockedChannels = Map.copyOf(blockedChannels);
  }

  /**
   * The declines this policy gives a limit-check of an account in {@code segment} from its checkout context
   * ({@code merchantCategory} and {@code channel}, each may be null; exact, case-sensitive match): D208 for a
   * blocked merchant category, D210 for a blocked channel; empty when neither is blocked.
   */
  public List<ReasonCode> checkBlocks(String segment, String merchantCategory, String channel) {
    boolean merchant = blocks(blockedMerchantCategories, segment, merchantCategory);
    boolean channelBlocked = blocks(blockedChannels, segment, channel);
    if (!merchant && !channelBlocked) {
      return List.of();
    }
    if (merchant && channelBlocked) {
      return List.of(ReasonCode.MERCHANT_CATEGORY_BLOCKED, ReasonCode.CHANNEL_BLOCKED);
    }
    return List.of(merchant ? ReasonCode.MERCHANT_CATEGORY_BLOCKED : ReasonCode.CHANNEL_BLOCKED);
  }

  private static boolean blocks(Map<String, List<String>> blockedBySegment, String segment, String value) {
    if (value == null || blockedBySegment.isEmpty()) {
      return false;
    }
    List<String> forSegment = blockedBySegment.get(segment);
    List<String> forAll = blockedBySegment.get("*");
    return (forSegment != null && forSegment.contains(value)) || (forAll != null && forAll.contains(value));
  }

  /** The built-in default policy, {@code policies/policy-default.json}. */
  public static PolicyDocument defaults() {
    return PolicyDocumentReader.defaults();
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
   * The PD cut-off for an account of {@code segment} at {@code now}: the document's, made stricter by active
   * appetite and tightening overlays (unless {@code exemptFromTightening}) and looser by promotion windows.
   */
  public double pdCutoffFor(String segment, Instant now, boolean exemptFromTightening) {
    double stricter = pdCutoff;
    double looser = pdCutoff;
    for (Overlay overlay : overlays) {
      if (overlay.pdCutoff() == null || !overlay.appliesTo(segment, now)) {
        continue;
      }
      switch (overlay.kind()) {
        case PROMOTION -> looser = Math.max(looser, overlay.pdCutoff());
        case APPETITE -> stricter = Math.min(stricter, overlay.pdCutoff());
        case TIGHTENING -> stricter = exemptFromTightening ? stricter : Math.min(stricter, overlay.pdCutoff());
      }
    }
    return stricter < pdCutoff ? stricter : looser;
  }

  /** The tier named {@code name}, or the worst tier when there is none. */
  public Tier tierNamed(String name) {
    for (Tier tier : tiers) {
      if (tier.name().equals(name)) {
        return tier;
      }
    }
    return tiers.get(tiers.size() - 1);
  }

  /**
   * A PD band and its price (rule 15).
   *
   * @param dailyRate daily interest rate (a rate, not money)
   * @param limitFactorBps share of the capacity-based limit granted in this band
   */
  public record Tier(String name, double maxPd, double dailyRate, long limitFactorBps) {
    public Tier {
      Check.argument(name != null && !name.isBlank(), "tier name is required");
      Check.argument(maxPd > 0 && maxPd <= 1, "tier %s: maxPd must be in (0, 1]", name);
      Check.argument(dailyRate >= 0 && dailyRate < 0.01, "tier %s: dailyRate must be in [0, 0.01)", name);
      Check.argument(limitFactorBps >= 0, "tier %s: limitFactorBps must be >= 0", name);
    }
  }

  /**
   * Rule 3: any current DPD freezes; past {@code cutAfterDays} the limit is cut to {@code cutToBps} of itself.
   *
   * @param maxPastDpd12mForIncrease a 12-month max DPD above this blocks increases (rule 4)
   */
  public record Overdue(int cutAfterDays, long cutToBps, int maxPastDpd12mForIncrease) {
    public Overdue {
      Check.argument(cutAfterDays >= 0, "overdue.cutAfterDays must be >= 0");
      Check.argument(cutToBps >= 0 && cutToBps <= 10_000, "overdue.cutToBps must be in [0, 10000]");
    }
  }

  /** Rule 4: this many extensions in 12 months block increases; an outstanding balance never does. */
  public record Conduct(int blockAtExtensions12m) {
    public Conduct {
      Check.argument(blockAtExtensions12m >= 1, "conduct.blockAtExtensions12m must be >= 1");
    }
  }

  /**
   * Rule 5: anomaly levels at which increases close; a transaction-anomaly flag counts for
   * {@code txnFlagWindowDays} after the event that raised it, then expires.
   */
  public record Anomaly(double loginScoreAtLeast, int txnFlagsAtLeast, double linkedRiskAtLeast,
      int txnFlagWindowDays) {
    public Anomaly {
      Check.argument(txnFlagsAtLeast >= 1, "anomaly.txnFlagsAtLeast must be >= 1");
      // Window ageing looks back between 30 and 365 days (WindowAgeing in the gateway).
      Check.argument(txnFlagWindowDays >= 30 && txnFlagWindowDays <= 365,
          "anomaly.txnFlagWindowDays must be in [30, 365]");
    }
  }

  /** Rule 10: hard inquiries elsewhere at which increases are blocked. */
  public record Inquiry(int blockAt30d, int blockAt90d) {
    public Inquiry {
      Check.argument(blockAt30d >= 1 && blockAt90d >= 1, "inquiry thresholds must be >= 1");
    }
  }

  /**
   * Rule 6: an increase needs {@code minOnTimeRepayments12m} on-time repayments at {@code minOnTimeRatio12m}
   * (one of them since the last increase), or a score gain of {@code minScoreGain} since the last review; it is
   * at most {@code maxFactorBps}, and at least {@code minIntervalDays} after the previous increase.
   */
  public record Increase(int minOnTimeRepayments12m, double minOnTimeRatio12m, int minScoreGain, long maxFactorBps,
      int minIntervalDays) {
    public Increase {
      Check.argument(maxFactorBps >= 10_000, "increase.maxFactorBps must be >= 10000");
      Check.argument(minScoreGain >= 1, "increase.minScoreGain must be >= 1");
      Check.argument(minIntervalDays >= 0, "increase.minIntervalDays must be >= 0");
    }
  }

  /** Rule 7: from {@code minTasks} completed tasks, each adds {@code boostBpsPerTask}, at most {@code maxBoostBps}. */
  public record Engagement(int minTasks, long boostBpsPerTask, long maxBoostBps) {
    public Engagement {
      Check.argument(minTasks >= 1 && boostBpsPerTask >= 0 && maxBoostBps >= 0, "engagement values must be >= 0");
    }
  }

  /**
   * Rule 8: after {@code dormantAfterDays} unused (since the last draw, or since the line was granted when it was
   * never drawn), each started period of {@code periodDays} decays the earned limit by {@code decayBpsPerPeriod},
   * at most {@code maxDecayBps} in all, and never below {@code floorMinor} (or the earned limit, when lower).
   */
  public record Dormancy(int dormantAfterDays, int periodDays, long decayBpsPerPeriod, long maxDecayBps,
      long floorMinor) {
    public Dormancy {
      Check.argument(decayBpsPerPeriod >= 0 && floorMinor >= 0, "dormancy decay and floor must be >= 0");
      Check.argument(dormantAfterDays >= 1 && periodDays >= 1, "dormancy days must be >= 1");
      Check.argument(maxDecayBps >= 0 && maxDecayBps <= 10_000, "dormancy.maxDecayBps must be in [0, 10000]");
    }
  }

  /** Rule 9: this many quick borrow→repay cycles in 30 days cut the limit by {@code penaltyBps}. */
  public record Churn(int minQuickCycles30d, long penaltyBps) {
    public Churn {
      Check.argument(minQuickCycles30d >= 1, "churn.minQuickCycles30d must be >= 1");
      Check.argument(penaltyBps >= 0 && penaltyBps <= 10_000, "churn.penaltyBps must be in [0, 10000]");
    }
  }

  /**
   * Rule 12: an account in a tightened segment escapes the tightening when its own strengths clear this bar.
   *
   * @param maxDebtToIncomeBps outstanding over 12 months of income, at most
   */
  public record IndividualOverride(long minMonthlyIncomeMinor, long maxDebtToIncomeBps, double maxPd) {}

  /** What an overlay does (rule 11). */
  public enum OverlayKind {
    /** Segment risk appetite: a limit multiplier and/or a stricter PD cut-off. */
    APPETITE,
    /** Market tightening: cut limits by {@code cutBps}, close increases, stricter cut-off. */
    TIGHTENING,
    /** Promotion window: a relaxed PD cut-off and/or a higher multiplier. */
    PROMOTION
  }

  /**
   * A segment overlay (rule 11), active in {@code [from, until)}; {@code null} bounds are open.
   *
   * @param segment the segment it applies to, or {@code "*"} for every segment
   * @param limitMultiplierBps multiplies the capacity-based limit
   * @param pdCutoff replaces the cut-off when stricter (APPETITE, TIGHTENING) or looser (PROMOTION); null keeps it
   * @param cutBps TIGHTENING: share of the current limit that is cut
   */
  public record Overlay(
      String id,
      OverlayKind kind,
      String segment,
      Instant from,
      Instant until,
      long limitMultiplierBps,
      Double pdCutoff,
      long cutBps,
      boolean closeIncreases) {

    public Overlay {
      Check.argument(id != null && !id.isBlank(), "overlay id is required");
      Check.argument(kind != null, "overlay %s: kind is required", id);
      Check.argument(segment != null && !segment.isBlank(), "overlay %s: segment is required", id);
      Check.argument(limitMultiplierBps >= 0, "overlay %s: limitMultiplierBps must be >= 0", id);
      Check.argument(pdCutoff == null || (pdCutoff > 0 && pdCutoff < 1), "overlay %s: pdCutoff in (0, 1)", id);
      Check.argument(cutBps >= 0 && cutBps <= 10_000, "overlay %s: cutBps must be in [0, 10000]", id);
      Check.argument(from == null || until == null || from.isBefore(until), "overlay %s: from must precede until", id);
    }

    /** Whether it applies to an account of {@code accountSegment} at {@code now}. */
    public boolean appliesTo(String accountSegment, Instant now) {
      return ("*".equals(segment) || segment.equals(accountSegment))
          && (from == null || !now.isBefore(from))
          && (until == null || now.isBefore(until));
    }
  }
}
