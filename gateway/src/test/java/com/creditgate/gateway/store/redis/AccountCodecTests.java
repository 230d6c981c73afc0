package com.creditgate.gateway.store.redis;

import static org.assertj.core.api.Assertions.assertThat;

import com.creditgate.common.account.AccountProfile;
import com.creditgate.common.account.AccountStatus;
import com.creditgate.common.account.CreditState;
import com.creditgate.common.reason.ReasonCode;
import com.creditgate.gateway.store.AccountRecord;
import com.creditgate.scoring.feature.FeatureSchema;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AccountCodecTests {

  @Test
  void decodedRecordEqualsTheEncodedOne() {
    AccountRecord original = record("acc-000001", List.of(ReasonCode.values()[0]));

    AccountRecord decoded = AccountCodec.decode(AccountCodec.encode(original));

    assertThat(decoded.accountId()).isEqualTo(original.accountId());
    assertThat(decoded.profile()).isEqualTo(original.profile());
    assertThat(decoded.state()).isEqualTo(original.state());
    assertThat(decoded.features()).containsExactly(original.features());
  }

  @Test
  void decodedRecordsShareTheirCategoryStrings() {
    AccountRecord first = AccountCodec.decode(AccountCodec.encode(record("acc-000001", List.of())));
    AccountRecord second = AccountCodec.decode(AccountCodec.encode(record("acc-000002", List.of())));

    assertThat(second.profile().region()).isSameAs(first.profile().region());
    assertThat(second.profile().occupation()).isSameAs(first.profile().occupation());
    assertThat(second.profile().segment()).isSameAs(first.profile().segment());
    assertThat(second.state().tier()).isSameAs(first.state().tier());
    assertThat(second.accountId()).isNotEqualTo(first.accountId());
  }

  private static AccountRecord record(String accountId, List<ReasonCode> closedReasons) {
    // new String(...): equal values that are distinct instances, as two reads would produce them
    AccountProfile profile = new AccountProfile(new String("310000"), new String("ENGINEER"), 1_200_000, 700,
        new String("MASS"), 5_000_000, Instant.parse("2024-01-02T03:04:05Z"));
    CreditState state = new CreditState(2_000_000, 300_000, 10_000, AccountStatus.ACTIVE, new String("B"),
        closedReasons.isEmpty(), closedReasons, 7);
    float[] features = FeatureSchema.missingVector();
    features[0] = 1.5f;
    return new AccountRecord(accountId, profile, state, features);
  }
}
