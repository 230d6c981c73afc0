package com.creditgate.common.reason;

import java.util.Locale;

/**
 * The reason catalogue: every reason the product can give, with a stable {@link #code()} that clients may
 * rely on and a message in English and Simplified Chinese. Codes are never renamed or reused.
 */
public enum ReasonCode {
  // Model factors: one per feature family (SPEC 2.2), used when a factor lowered the score.
  LOW_CREDIT_SCORE("R101", "Credit score is low", "信用分较低"),
  SHORT_ACCOUNT_HISTORY("R102", "Account history is short", "账户使用时间较短"),
  FEW_ONTIME_REPAYMENTS("R103", "Few on-time repayments in the last 12 months", "近12个月按时还款次数较少"),
  LOW_ONTIME_RATIO("R104", "Share of on-time repayments is low", "按时还款比例偏低"),
  CURRENTLY_OVERDUE("R105", "A repayment is currently overdue", "当前存在逾期"),
  PAST_OVERDUE("R106", "Overdue repayments in the last 12 months", "近12个月有逾期记录"),
  OVERDUE_COUNT("R107", "Several overdue episodes in the last 12 months", "近12个月逾期次数较多"),
  MULTIPLE_EXTENSIONS("R108", "Repayments were extended or rolled over", "多次申请延期或展期还款"),
  HIGH_UTILIZATION("R109", "Most of the limit is in use", "额度使用率较高"),
  LOW_PLATFORM_SPEND("R110", "Little spending on the platform", "平台消费较少"),
  LOW_PAYMENT_FREQUENCY("R111", "Payments on the platform are infrequent", "平台支付频率较低"),
  FEW_LARGE_PAYMENTS("R112", "Few large payments on the platform", "大额支付记录较少"),
  LOW_ASSETS("R113", "Few financial assets held on the platform", "平台持有的金融资产较少"),
  LOW_INCOME("R114", "Income is low relative to credit", "收入水平相对较低"),
  UNSTABLE_INCOME("R115", "Income is not stable", "收入稳定性不足"),
  MANY_RECENT_INQUIRIES("R116", "Many credit inquiries on other platforms in the last 30 days", "近30天在其他平台查询征信次数较多"),
  MANY_INQUIRIES_90D("R117", "Many credit inquiries on other platforms in the last 90 days", "近90天在其他平台查询征信次数较多"),
  LOGIN_ANOMALY("R118", "Unusual login activity", "账户登录异常"),
  TRANSACTION_ANOMALY("R119", "Unusual transactions", "交易行为异常"),
  LINKED_ACCOUNT_RISK("R120", "A linked account shows risk", "关联账户存在风险"),
  DEVICE_CHANGE_AT_REPAYMENT("R121", "Device or network changed at repayment", "还款时设备或网络发生变化"),
  DORMANT_LIMIT("R122", "The limit has not been used for a long time", "额度长期未使用"),
  QUICK_BORROW_REPAY_CYCLES("R123", "Frequent quick borrow-and-repay cycles", "频繁短期借还"),
  LOW_ENGAGEMENT("R124", "Few platform services in use", "平台服务使用较少"),

  // Decisions (SPEC 2.5).
  INSUFFICIENT_AVAILABLE_CREDIT("D201", "Amount exceeds available credit", "可用额度不足"),
  ACCOUNT_FROZEN("D202", "Account is frozen because of an overdue repayment", "账户因逾期被冻结"),
  ACCOUNT_CLOSED("D203", "Credit line is closed", "额度已关闭"),
  PD_ABOVE_CUTOFF("D204", "Risk assessment is above the accepted level", "风险评估未通过"),
  BORDERLINE_REVIEW("D205", "Decision needs a review", "需要进一步审核"),
  DEGRADED_CONSERVATIVE("D206", "Decided conservatively while account data is unavailable", "账户数据暂不可用,已采用保守决策"),
  POLICY_DECLINE("D207", "Declined by credit policy", "根据信贷政策拒绝"),
  MERCHANT_CATEGORY_BLOCKED("D208", "Credit cannot be used for this merchant category", "该商户类别不支持使用信用额度"),
  RISK_SCORE_UNAVAILABLE("D209", "Risk assessment could not be completed", "风险评估未能完成"),
  CHANNEL_BLOCKED("D210", "Credit cannot be used through this channel", "该渠道不支持使用信用额度"),

  // Limit policy (SPEC 2.4).
  OVERDUE_FREEZE("P301", "Frozen because a repayment is overdue", "因逾期冻结额度"),
  OVERDUE_LIMIT_CUT("P302", "Limit reduced after a long overdue", "长期逾期导致额度下调"),
  INCREASE_BLOCKED_BY_EXTENSIONS("P303", "Increases paused after several extensions", "多次延期还款,暂停提额"),
  INCREASE_CLOSED_ANOMALY("P304", "Increases closed because of account anomalies", "账户异常,关闭提额"),
  INCREASE_CLOSED_BY_POLICY("P305", "Increases closed by market policy for this segment", "根据市场政策关闭提额"),
  THRESHOLD_INCREASE("P306", "Limit raised for consistent on-time repayments", "按时还款表现良好,额度提升"),
  ENGAGEMENT_BOOST("P307", "Extra increase for using platform services", "使用平台服务,额外提升额度"),
  DORMANCY_DECAY("P308", "Limit reduced because it was not used", "额度长期未使用,已下调"),
  CHURN_PENALTY("P309", "Limit reduced after frequent quick borrow-and-repay cycles", "频繁短期借还,额度下调"),
  INQUIRY_BLOCK("P310", "Increases paused after many credit inquiries elsewhere", "其他平台征信查询过多,暂停提额"),
  MARKET_TIGHTENING("P311", "Limit reduced by market tightening for this segment", "市场收紧,额度下调"),
  PROMOTION_WINDOW("P312", "Promotion window relaxes the criteria", "活动期间放宽审核标准"),
  INDIVIDUAL_OVERRIDE("P313", "Qualifies on individual strengths despite segment policy", "个人资质良好,不受群体政策限制"),
  REOPENED("P314", "Credit line reopened after re-evaluation", "重新评估后额度已恢复"),
  EXPOSURE_BUDGET_REACHED("P315", "Increases paused: segment credit budget reached", "该群体授信总额已达上限,暂停提额"),
  CUSTOMER_CAP("P316", "Limit capped at the per-customer maximum", "额度已达单户上限"),
  REGION_CAP("P317", "Limit capped for the region", "额度受地区上限限制"),
  OCCUPATION_CAP("P318", "Limit capped for the occupation", "额度受职业上限限制"),
  FREEZE_LIFTED("P319", "Freeze lifted after the overdue amount was repaid", "逾期已还清,解除冻结"),
  CLOSED_BY_MODEL("P320", "Credit line closed after risk assessment", "风险评估后关闭额度"),
  BASE_LIMIT("P321", "Limit set from risk and repayment capacity", "根据风险和还款能力核定额度"),
  INCREASE_COOL_DOWN("P322", "Next increase waits for the minimum interval since the last one", "距上次提额时间较短,暂缓提额"),
  DPD_1_30("P323", "Overdue 1 to 30 days", "逾期1至30天"),
  DPD_31_60("P324", "Overdue 31 to 60 days", "逾期31至60天"),
  DPD_61_90("P325", "Overdue 61 to 90 days", "逾期61至90天"),
  DPD_OVER_90("P326", "Overdue more than 90 days", "逾期超过90天");

  private final String code;
  private final String english;
  private final String chinese;

  ReasonCode(String code, String english, String chinese) {
    this.code = code;
    this.english = english;
    this.chinese = chinese;
  }

  /** Stable code clients may rely on, e.g. {@code "D201"}. */
  public String code() {
    return code;
  }

  /** Message in Simplified Chinese when {@code locale} is Chinese, otherwise English. */
  public String message(Locale locale) {
    return locale != null && "zh".equals(locale.getLanguage()) ? chinese : english;
  }
}
