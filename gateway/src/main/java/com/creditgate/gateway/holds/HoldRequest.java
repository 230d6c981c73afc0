package com.creditgate.gateway.holds;

import com.creditgate.gateway.http.FlatJsonBody;
import com.creditgate.gateway.http.Validation;

/** A validated {@code POST /v1/holds}: {@code {accountId, amount, ttlSeconds?, orderId?}}. */
record HoldRequest(String accountId, long amountMinor, int ttlSeconds, String orderId) {
  /** Amounts above 10^11 fen (one billion yuan) are client bugs. */
  static final long AMOUNT_MAX_MINOR = 100_000_000_000L;

  /** A reader of this body's fields, for one verticle. */
  static FlatJsonBody reader() {
    return new FlatJsonBody("accountId", "amount", "ttlSeconds", "orderId");
  }

  /** The request in {@code body}, read by a {@link #reader()}; fields are checked in a fixed order. */
  static HoldRequest parse(FlatJsonBody body, int ttlDefaultSeconds, int ttlMaxSeconds) {
    return new HoldRequest(
        body.requiredString("accountId", Validation.Format.ID),
        body.requiredLong("amount", 1, AMOUNT_MAX_MINOR),
        Math.toIntExact(body.optionalLong("ttlSeconds", 1, ttlMaxSeconds, ttlDefaultSeconds)),
        body.optionalString("orderId", Validation.Format.ID));
  }
}
