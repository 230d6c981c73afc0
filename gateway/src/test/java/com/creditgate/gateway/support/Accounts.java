package com.creditgate.gateway.support;

import io.vertx.core.json.JsonObject;

/** Request bodies shared by gateway tests. */
public final class Accounts {
  private Accounts() {}

  /** A profile that gets a positive limit. */
  public static JsonObject goodProfile() {
    return new JsonObject().put("region", "310000").put("occupation", "ENGINEER").put("monthlyIncome", 2_000_000)
        .put("creditScore", 760).put("segment", "MASS").put("assets", 5_000_000)
        .put("accountOpenedAt", "2022-01-15T00:00:00Z");
  }

  /** A limit-check body. */
  public static JsonObject check(String accountId, long amount) {
    return new JsonObject().put("accountId", accountId).put("amount", amount);
  }
}
