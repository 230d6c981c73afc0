package com.creditgate.gateway.report;

import com.creditgate.common.reason.ReasonCode;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Concrete improvement tips per reason code, in English and Simplified Chinese: what the customer can do
 * about a factor that holds the limit back. Codes that describe good news or a bank-side decision have none.
 * Thread-safe (immutable after class load).
 */
public final class ImprovementTips {
  private static final Map<ReasonCode, String[]> TIPS = new EnumMap<>(ReasonCode.class);

  static {
    tip(ReasonCode.LOW_CREDIT_SCORE, "Repay every bill on time and keep your profile and bureau data up to date; your credit score rises with a clean record.",
        "按时还清每一笔账单并及时更新个人资料,良好的记录会提升信用分。");
    tip(ReasonCode.SHORT_ACCOUNT_HISTORY, "Keep the account open and in good standing; a longer history counts in your favour.",
        "保持账户正常使用,使用时间越长越有利。");
    tip(ReasonCode.FEW_ONTIME_REPAYMENTS, "Use your credit line and repay on or before each due date; every on-time repayment counts.",
        "适度使用额度并在到期日前还款,每一次按时还款都会被记录。");
    tip(ReasonCode.LOW_ONTIME_RATIO, "Set up automatic repayment so no instalment is late.",
        "开通自动还款,避免任何一期逾期。");
    tip(ReasonCode.CURRENTLY_OVERDUE, "Repay the overdue amount in full now; the freeze is lifted at the next review.",
        "请立即还清逾期金额,下次评估时将解除冻结。");
    tip(ReasonCode.PAST_OVERDUE, "Keep every repayment on time from now on; past overdue days weigh less as they age.",
        "今后保持按时还款,历史逾期的影响会随时间减弱。");
    tip(ReasonCode.OVERDUE_COUNT, "Avoid any new overdue episode; enable repayment reminders.",
        "避免再次逾期,建议开启还款提醒。");
    tip(ReasonCode.MULTIPLE_EXTENSIONS, "Repay in full at the due date instead of extending or rolling over.",
        "到期全额还款,尽量不要申请延期或展期。");
    tip(ReasonCode.HIGH_UTILIZATION, "Repay part of your balance to use less of your limit; below 30 % is best.",
        "提前偿还部分欠款,降低额度使用率,30%以下最佳。");
    tip(ReasonCode.LOW_PLATFORM_SPEND, "Pay for everyday purchases on the platform.",
        "日常消费多使用平台支付。");
    tip(ReasonCode.LOW_PAYMENT_FREQUENCY, "Use the platform for regular payments such as utilities and subscriptions.",
        "用平台缴纳水电费、订阅等日常账单。");
    tip(ReasonCode.FEW_LARGE_PAYMENTS, "Make larger purchases through the platform and repay them on time.",
        "通过平台完成较大额的消费并按时还款。");
    tip(ReasonCode.LOW_ASSETS, "Hold savings or funds on the platform; assets show repayment capacity.",
        "在平台持有储蓄或理财产品,资产能体现还款能力。");
    tip(ReasonCode.LOW_INCOME, "Update your declared income if it has grown, with proof where asked.",
        "如收入有所增加,请更新收入信息并按要求提供证明。");
    tip(ReasonCode.UNSTABLE_INCOME, "Receive your salary into a linked account regularly.",
        "通过绑定账户按月稳定接收工资。");
    tip(ReasonCode.MANY_RECENT_INQUIRIES, "Avoid applying for credit on other platforms for the next 30 days.",
        "未来30天内避免在其他平台申请贷款或信用卡。");
    tip(ReasonCode.MANY_INQUIRIES_90D, "Limit new credit applications elsewhere over the next three months.",
        "未来三个月减少在其他平台的借贷申请。");
    tip(ReasonCode.LOGIN_ANOMALY, "Secure your account: change your password and remove devices you do not recognise.",
        "请修改密码并移除不认识的登录设备,保障账户安全。");
    tip(ReasonCode.TRANSACTION_ANOMALY, "Review recent transactions and report any you did not make.",
        "核对近期交易,如有非本人操作请及时反馈。");
    tip(ReasonCode.LINKED_ACCOUNT_RISK, "Unlink accounts you no longer use or do not control.",
        "解绑不再使用或非本人控制的关联账户。");
    tip(ReasonCode.DEVICE_CHANGE_AT_REPAYMENT, "Repay from your usual device and network.",
        "尽量使用常用设备和网络进行还款。");
    tip(ReasonCode.DORMANT_LIMIT, "Use your limit from time to time and repay on time; unused limits decay.",
        "定期使用额度并按时还款,长期不用额度会下调。");
    tip(ReasonCode.QUICK_BORROW_REPAY_CYCLES, "Borrow for real needs; avoid borrowing and repaying within a few days repeatedly.",
        "按实际需要借款,避免频繁短期借还。");
    tip(ReasonCode.LOW_ENGAGEMENT, "Complete membership tasks and bind the services you use.",
        "完成会员任务并绑定常用服务。");
    tip(ReasonCode.OVERDUE_FREEZE, "Repay the overdue amount; the next review lifts the freeze.",
        "还清逾期金额,下次评估将解除冻结。");
    tip(ReasonCode.OVERDUE_LIMIT_CUT, "Repay the overdue amount and keep repaying on time to rebuild the limit.",
        "还清逾期并保持按时还款,额度可逐步恢复。");
    tip(ReasonCode.INCREASE_BLOCKED_BY_EXTENSIONS, "Repay the next instalments in full without extending.",
        "接下来几期按时全额还款,不要延期。");
    tip(ReasonCode.INCREASE_CLOSED_ANOMALY, "Secure your account and resolve the flagged activity.",
        "加强账户安全并处理被标记的异常行为。");
    tip(ReasonCode.DORMANCY_DECAY, "Use your limit and repay on time to stop further decay.",
        "使用额度并按时还款,避免额度继续下调。");
    tip(ReasonCode.CHURN_PENALTY, "Keep borrowings for longer than a few days, for real purchases.",
        "按真实消费需要借款,避免借款后几天内即还清的循环。");
    tip(ReasonCode.INQUIRY_BLOCK, "Pause applications for credit elsewhere.",
        "暂停在其他平台申请信贷。");
    tip(ReasonCode.PD_ABOVE_CUTOFF, "Work on the factors listed above; the assessment is repeated at every review.",
        "改善上面列出的因素,每次评估都会重新计算。");
    tip(ReasonCode.INSUFFICIENT_AVAILABLE_CREDIT, "Repay part of your balance to free available credit.",
        "偿还部分欠款以释放可用额度。");
  }

  private ImprovementTips() {}

  private static void tip(ReasonCode code, String english, String chinese) {
    TIPS.put(code, new String[] {english, chinese});
  }

  /** The tip for {@code code} in {@code locale} (Chinese or English), if there is one. */
  public static Optional<String> tip(ReasonCode code, Locale locale) {
    String[] tip = TIPS.get(code);
    if (tip == null) {
      return Optional.empty();
    }
    return Optional.of(locale != null && "zh".equals(locale.getLanguage()) ? tip[1] : tip[0]);
  }
}
