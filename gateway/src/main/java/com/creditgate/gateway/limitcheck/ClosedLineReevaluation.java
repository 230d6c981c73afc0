package com.creditgate.gateway.limitcheck;

import com.creditgate.gateway.store.AccountRecord;
import io.vertx.core.Future;

/**
 * SPEC 2.4 #13, closed but usable: a limit-check on a CLOSED line first re-evaluates it; if the account
 * qualifies now it is reopened (and stored, with its history) and the check is decided on the new limit.
 */
public interface ClosedLineReevaluation {

  /** The account after a review run now; the same record when the review changed nothing. */
  Future<AccountRecord> reevaluate(AccountRecord closed);
}
