package com.creditgate.gateway.ledger;

import com.creditgate.common.account.AccountProfile;
import com.creditgate.gateway.risk.RiskEngine;
import com.creditgate.gateway.store.AccountRecord;
import com.creditgate.scoring.policy.LineHistory;
import java.time.Instant;

/**
 * What a review of an account with nothing new would take as input (see {@link AccountLedger#preview}); reviews
 * run on it store nothing. Immutable but for {@code features}, which callers copy before changing.
 *
 * @param features the behavioural vector the review would store, before {@code FeatureAssembler} completes it
 * @param lastScore the score at the last review, or 0
 * @param segmentExposureMinor the segment's granted limits, or {@code ReviewInput.UNKNOWN_EXPOSURE}
 * @param history the line's earned limit, last increase and on-time repayments since, as the ledger keeps them
 * @param active the risk configuration the preview was read under
 */
public record ReviewPreview(AccountRecord record, float[] features, int lastScore, long segmentExposureMinor,
    LineHistory history, RiskEngine.Active active, Instant now) {

  /** Reviews this account with {@code profile} and the complete vector {@code assembled}; 503 on a non-finite PD. */
  public RiskEngine.Review review(AccountProfile profile, float[] assembled) {
    return active.review(profile, record.state(), assembled, lastScore, segmentExposureMinor, now, history);
  }
}
