package com.creditgate.gateway.accounts;

import com.creditgate.common.account.CreditState;
import com.creditgate.common.money.Money;
import com.creditgate.common.reason.ReasonCode;
import com.creditgate.gateway.http.Responses;
import com.creditgate.gateway.store.AccountRecord;
import com.creditgate.scoring.policy.PolicyDocument;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Locale;

/** The JSON of an account's credit state (SPEC 3, {@code GET /v1/accounts/{id}/credit}). */
public final class CreditView {
  private CreditView() {}

  /** The credit state of {@code record}, with {@code reasons} as the top reasons. */
  public static JsonObject of(AccountRecord record, PolicyDocument policy, List<ReasonCode> reasons, Locale locale) {
    CreditState s = record.state();
    return new JsonObject()
        .put("accountId", record.accountId())
        .put("currency", Money.DEFAULT_CURRENCY)
        .put("creditLimit", s.creditLimitMinor())
        .put("available", s.availableMinor())
        .put("outstanding", s.outstandingMinor())
        .put("held", s.heldMinor())
        .put("status", s.status().name())
        .put("tier", s.tier())
        .put("dailyRate", policy.tierNamed(s.tier()).dailyRate())
        .put("increaseEligible", s.increaseEligible())
        .put("increaseClosedReasons", Responses.reasons(s.increaseClosedReasons(), locale))
        .put("reasons", Responses.reasons(reasons, locale))
        .put("segment", record.profile().segment())
        .put("version", s.version());
  }
}
