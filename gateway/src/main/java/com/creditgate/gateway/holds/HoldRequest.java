package com.creditgate.gateway.holds;

import com.creditgate.gateway.http.JsonBody;
import com.creditgate.gateway.http.Validation;

/** A validated {@code POST /v1/holds}: {@code {accountId, amount, ttlSeconds?, orderId?}}. */
record HoldRequest(String accountId, long amountMinor, int ttlSeconds, String orderId) {
  /** Amounts above 10^11 fen (one billion yuan) are client bugs. */
  static final long AMOUNT_MAX_MINOR = 100_000_000_000L;

  static HoldRequest parse(JsonBody body, int ttlDefaultSeconds, int ttlMaxSeconds) {
    return new HoldRequest(
        body.requiredString("accountId", Validation.ID),
        body.requiredLong("amount", 1, AMOUNT_MAX_MINOR),
        Math.toIntExact(body.optionalLong("ttlSeconds", 1, ttlMaxSeconds).orElse((long) ttlDefaultSeconds)),
        body.optionalString("orderId", Validation.ID).orElse(null));
  }
}
