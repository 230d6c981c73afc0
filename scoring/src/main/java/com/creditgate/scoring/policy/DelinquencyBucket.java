package com.creditgate.scoring.policy;

import com.creditgate.common.reason.ReasonCode;

/** The delinquency bucket of a number of days past due (SPEC 2.4 #3): current, 1-30, 31-60, 61-90, 90+. */
public enum DelinquencyBucket {
  CURRENT(null),
  DPD_1_30(ReasonCode.DPD_1_30),
  DPD_31_60(ReasonCode.DPD_31_60),
  DPD_61_90(ReasonCode.DPD_61_90),
  DPD_OVER_90(ReasonCode.DPD_OVER_90);

  private final ReasonCode reason;

  DelinquencyBucket(ReasonCode reason) {
    this.reason = reason;
  }

  /** The bucket of {@code dpd} days past due; missing ({@code NaN}) or 0 is current. */
  public static DelinquencyBucket of(float dpd) {
    if (!(dpd > 0)) {
      return CURRENT;
    }
    if (dpd <= 30) {
      return DPD_1_30;
    }
    if (dpd <= 60) {
      return DPD_31_60;
    }
    return dpd <= 90 ? DPD_61_90 : DPD_OVER_90;
  }

  /** The reason naming this bucket, or {@code null} for {@link #CURRENT}. */
  public ReasonCode reason() {
    return reason;
  }
}
