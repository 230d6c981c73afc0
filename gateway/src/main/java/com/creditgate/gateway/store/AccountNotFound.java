package com.creditgate.gateway.store;

import com.creditgate.gateway.error.GatewayException;

/** Factory for the 404 of an unknown account. */
public final class AccountNotFound {
  private AccountNotFound() {}

  /** The failure for {@code accountId}. */
  public static GatewayException.NotFound of(String accountId) {
    return new GatewayException.NotFound("account-not-found", "no account with id " + accountId);
  }

  /** The failure when an account changed between read and write. */
  public static GatewayException.Conflict concurrentUpdate(String accountId) {
    return new GatewayException.Conflict("concurrent-update", "account " + accountId + " changed concurrently, retry");
  }
}
