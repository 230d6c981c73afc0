package com.creditgate.scoring.policy;

import com.creditgate.common.reason.ReasonCode;
import com.creditgate.scoring.feature.Feature;

/**
 * SPEC 2.4 #5 increase closed (关闭提额) on account anomalies: login anomaly, abnormal transactions, risk on a
 * linked account. Each anomaly is listed with the general closure reason.
 */
final class AnomalyCloseRule implements PolicyRule {
  @Override
  public void apply(ReviewInput input, PolicyDocument policy, ReviewDraft draft) {
    PolicyDocument.Anomaly levels = policy.anomaly();
    close(input.feature(Feature.LOGIN_ANOMALY_SCORE) >= levels.loginScoreAtLeast(), ReasonCode.LOGIN_ANOMALY, draft);
    close(input.feature(Feature.TXN_ANOMALY_FLAGS) >= levels.txnFlagsAtLeast(), ReasonCode.TRANSACTION_ANOMALY, draft);
    close(input.feature(Feature.LINKED_ACCOUNT_RISK) >= levels.linkedRiskAtLeast(), ReasonCode.LINKED_ACCOUNT_RISK,
        draft);
  }

  private void close(boolean anomalous, ReasonCode specific, ReviewDraft draft) {
    if (anomalous) {
      draft.closeIncreases(this, ReasonCode.INCREASE_CLOSED_ANOMALY);
      draft.closeIncreases(this, specific);
    }
  }
}
