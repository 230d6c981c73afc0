package com.creditgate.scoring.feature;

import com.creditgate.common.reason.ReasonCode;

/**
 * The named, ordered features of schema {@link FeatureSchema#VERSION} (SPEC 2.2). A feature vector is a
 * {@code float[]} indexed by {@link #ordinal()}; {@code NaN} means missing. Money-valued features are in
 * major units (yuan): they are model inputs, never money.
 */
public enum Feature {
  CREDIT_SCORE("creditScore", +1, ReasonCode.LOW_CREDIT_SCORE),
  ACCOUNT_AGE_DAYS("accountAgeDays", +1, ReasonCode.SHORT_ACCOUNT_HISTORY),
  ONTIME_REPAYMENTS_12M("onTimeRepayments12m", +1, ReasonCode.FEW_ONTIME_REPAYMENTS),
  ONTIME_RATIO_12M("onTimeRatio12m", +1, ReasonCode.LOW_ONTIME_RATIO),
  CURRENT_DPD("currentDpd", -1, ReasonCode.CURRENTLY_OVERDUE),
  MAX_DPD_12M("maxDpd12m", -1, ReasonCode.PAST_OVERDUE),
  OVERDUE_COUNT_12M("overdueCount12m", -1, ReasonCode.OVERDUE_COUNT),
  EXTENSIONS_12M("extensions12m", -1, ReasonCode.MULTIPLE_EXTENSIONS),
  UTILIZATION("utilization", -1, ReasonCode.HIGH_UTILIZATION),
  MONTHLY_SPEND("monthlySpend", +1, ReasonCode.LOW_PLATFORM_SPEND),
  PAYMENT_FREQUENCY_30D("paymentFrequency30d", +1, ReasonCode.LOW_PAYMENT_FREQUENCY),
  LARGE_PAYMENTS_12M("largePayments12m", +1, ReasonCode.FEW_LARGE_PAYMENTS),
  ASSETS("assets", +1, ReasonCode.LOW_ASSETS),
  MONTHLY_INCOME("monthlyIncome", +1, ReasonCode.LOW_INCOME),
  INCOME_STABILITY("incomeStability", +1, ReasonCode.UNSTABLE_INCOME),
  INQUIRIES_30D("inquiries30d", -1, ReasonCode.MANY_RECENT_INQUIRIES),
  INQUIRIES_90D("inquiries90d", -1, ReasonCode.MANY_INQUIRIES_90D),
  LOGIN_ANOMALY_SCORE("loginAnomalyScore", -1, ReasonCode.LOGIN_ANOMALY),
  TXN_ANOMALY_FLAGS("txnAnomalyFlags", -1, ReasonCode.TRANSACTION_ANOMALY),
  LINKED_ACCOUNT_RISK("linkedAccountRisk", -1, ReasonCode.LINKED_ACCOUNT_RISK),
  DEVICE_CHANGES_AT_REPAYMENT("deviceChangesAtRepayment", -1, ReasonCode.DEVICE_CHANGE_AT_REPAYMENT),
  DAYS_SINCE_LAST_DRAW("daysSinceLastDraw", -1, ReasonCode.DORMANT_LIMIT),
  QUICK_CYCLES_30D("quickCycles30d", -1, ReasonCode.QUICK_BORROW_REPAY_CYCLES),
  ENGAGEMENT_TASKS("engagementTasks", +1, ReasonCode.LOW_ENGAGEMENT);

  private static final Feature[] VALUES = values();

  private final String jsonName;
  private final int direction;
  private final ReasonCode reason;

  Feature(String jsonName, int direction, ReasonCode reason) {
    this.jsonName = jsonName;
    this.direction = direction;
    this.reason = reason;
  }

  /** camelCase name used in JSON documents, models and the simulate API. */
  public String jsonName() {
    return jsonName;
  }

  /** {@code +1} when a higher value lowers risk, {@code -1} when it raises risk. */
  public int direction() {
    return direction;
  }

  /** The reason given when this feature lowers a score. */
  public ReasonCode reason() {
    return reason;
  }

  /** Feature at {@code index} of the schema. */
  public static Feature at(int index) {
    return VALUES[index];
  }
}
