package com.creditgate.gateway.accounts;

import com.creditgate.common.account.AccountProfile;
import com.creditgate.gateway.http.JsonBody;
import com.creditgate.gateway.http.Validation;
import java.time.Instant;

/** Validates the body of {@code PUT /v1/accounts/{id}} into an {@link AccountProfile}. */
final class ProfileRequest {
  /** Income and assets are bounded at 10^13 fen (10^11 yuan): beyond that a value is a client bug. */
  static final long MONEY_FIELD_MAX_MINOR = 10_000_000_000_000L;

  private ProfileRequest() {}

  static AccountProfile parse(JsonBody body, Instant now) {
    Instant opened = body.optionalInstant("accountOpenedAt").orElse(now);
    if (opened.isAfter(now)) {
      throw JsonBody.invalid("accountOpenedAt", "must not be in the future");
    }
    return new AccountProfile(
        body.requiredString("region", Validation.REGION),
        body.requiredString("occupation", Validation.CODE),
        body.requiredLong("monthlyIncome", 0, MONEY_FIELD_MAX_MINOR),
        (int) body.requiredLong("creditScore", AccountProfile.MIN_CREDIT_SCORE, AccountProfile.MAX_CREDIT_SCORE),
        body.optionalString("segment", Validation.CODE).orElse("MASS"),
        body.optionalLong("assets", 0, MONEY_FIELD_MAX_MINOR).orElse(0L),
        opened);
  }
}
