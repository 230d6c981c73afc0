package com.creditgate.gateway.limitcheck;

import com.creditgate.common.money.Money;
import com.creditgate.gateway.http.JsonBody;
import com.creditgate.gateway.http.Validation;
import com.creditgate.scoring.decision.Checkout;

/** A validated limit-check: {@code {accountId, amount, currency?, orderId?, merchantCategory?, channel?}}. */
record LimitCheckRequest(String accountId, long amountMinor, String orderId, String merchantCategory,
    String channel)
    implements Checkout {

  /** Amounts above 10^11 fen (one billion yuan) are client bugs, not credit questions. */
  static final long AMOUNT_MAX_MINOR = 100_000_000_000L;

  static LimitCheckRequest parse(JsonBody body) {
    String currency = body.optionalString("currency", Validation.CURRENCY).orElse(Money.DEFAULT_CURRENCY);
    if (!Money.DEFAULT_CURRENCY.equals(currency)) {
      throw JsonBody.invalid("currency", "must be " + Money.DEFAULT_CURRENCY);
    }
    return new LimitCheckRequest(
        body.requiredString("accountId", Validation.ID),
        body.requiredLong("amount", 1, AMOUNT_MAX_MINOR),
        body.optionalString("orderId", Validation.ID).orElse(null),
        body.optionalString("merchantCategory", Validation.CODE).orElse(null),
        body.optionalString("channel", Validation.CODE).orElse(null));
  }
}
