package com.creditgate.gateway.accounts;

import com.creditgate.common.account.AccountProfile;
import com.creditgate.gateway.store.AccountRecord;
import io.vertx.core.Future;

/** Creates or updates an account's profile and runs a limit review on it. */
interface ProfileWriter {

  /** The stored record and whether it was created. */
  record Result(AccountRecord record, boolean created) {}

  Future<Result> apply(String accountId, AccountProfile profile);
}
