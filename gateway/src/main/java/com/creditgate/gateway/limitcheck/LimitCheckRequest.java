package com.creditgate.gateway.limitcheck;

import com.creditgate.common.money.Money;
import com.creditgate.gateway.http.FlatJsonBody;
import com.creditgate.gateway.http.JsonBody;
import com.creditgate.gateway.http.Validation;
import com.creditgate.scoring.decision.Checkout;

/** A validated limit-check: {@code {accountId, amount, currency?, orderId?, merchantCategory?, channel?}}. */
record LimitCheckRequest(String accountId, long amountMinor, String orderId, String merchantCategory,
    String channel)
    implements Checkout {

  /** Amounts above 10^11 fen (one billion yuan) are client bugs, not credit questions. */
  static final long AMOUNT_MAX_MINOR = 100_000_000_000L;

  /** A reader of this body's fields, for one verticle. */
  static FlatJsonBody reader() {
    return new FlatJsonBody("currency", "accountId", "amount", "orderId", "merchantCategory", "channel");
  }

  /** The request in {@code body}, read by a {@link #reader()}; fields are checked in a fixed order. */
  static LimitCheckRequest parse(FlatJsonBody body) {
    String currency = body.optionalString("currency", Validation.Format.CURRENCY);
    if (currency != null && !Money.DEFAULT_CURRENCY.equals(currency)) {
      throw JsonBody.invalid("currency", "must be " + Money.DEFAULT_CURRENCY);
    }
    return new LimitCheckRequest(
        body.requiredString("accountId", Validation.Format.ID),
        body.requiredLong("amount", 1, AMOUNT_MAX_MINOR),
        body.optionalString("orderId", Validation.Format.ID),
        body.optionalString("merchantCategory", Validation.Format.CODE),
        body.optionalString("channel", Validation.Format.CODE));
  }
}
