package com.creditgate.gateway.seed;

import com.creditgate.common.account.AccountStatus;
import com.creditgate.common.account.CreditState;
import com.creditgate.gateway.store.AccountRecord;
import com.creditgate.scoring.feature.Feature;
import java.util.List;

/**
 * The accounts the contention simulation hammers: the first {@code count} ids, each made usable for many
 * holds: ACTIVE, nothing outstanding, at least {@code limitMinor} of credit, not overdue. Stateless.
 */
record HotAccounts(int count, long limitMinor) {

  boolean isHot(int n) {
    return n <= count;
  }

  /** {@code record} as a hot account; a review later may still move it by the policy. */
  AccountRecord heat(AccountRecord record) {
    CreditState s = record.state();
    float[] features = record.features().clone();
    features[Feature.CURRENT_DPD.ordinal()] = 0;
    CreditState hot = new CreditState(Math.max(limitMinor, s.creditLimitMinor()), 0, 0, AccountStatus.ACTIVE,
        s.tier(), true, List.of(), s.version());
    return new AccountRecord(record.accountId(), record.profile(), hot, features);
  }

  /** {@code acc-000001..acc-000010}, or {@code none}. */
  String range() {
    return count == 0 ? "none" : SyntheticPopulation.accountId(1) + ".." + SyntheticPopulation.accountId(count);
  }
}
