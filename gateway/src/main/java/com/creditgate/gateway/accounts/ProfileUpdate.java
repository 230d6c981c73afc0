package com.creditgate.gateway.accounts;

import com.creditgate.common.account.AccountProfile;
import com.creditgate.common.account.AccountStatus;
import com.creditgate.common.account.CreditState;
import com.creditgate.gateway.http.GatewayException;
import com.creditgate.gateway.risk.FeatureAssembler;
import com.creditgate.gateway.risk.RiskEngine;
import com.creditgate.gateway.store.AccountRecord;
import com.creditgate.gateway.store.AccountStore;
import com.creditgate.scoring.feature.FeatureSchema;
import com.creditgate.scoring.policy.ReviewOutcome;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * The embedded default's profile writer: creates or updates an account's profile and runs a limit review on
 * the result, retrying a bounded number of times when the account changes concurrently.
 */
final class ProfileUpdate implements ProfileWriter {
  static final int ATTEMPTS_MAX = 3;

  private final AccountStore store;
  private final RiskEngine engine;
  private final Clock clock;

  ProfileUpdate(AccountStore store, RiskEngine engine, Clock clock) {
    this.store = store;
    this.engine = engine;
    this.clock = clock;
  }

  @Override
  public Future<Result> apply(String accountId, AccountProfile profile) {
    return attempt(accountId, profile, 1);
  }

  private Future<Result> attempt(String accountId, AccountProfile profile, int attempt) {
    return store.get(accountId)
        .recover(e -> e instanceof GatewayException.NotFound ? Future.succeededFuture(null) : Future.failedFuture(e))
        .compose(existing -> save(accountId, profile, existing))
        .recover(e -> e instanceof GatewayException.Conflict && attempt < ATTEMPTS_MAX
            ? attempt(accountId, profile, attempt + 1)
            : Future.failedFuture(e));
  }

  private Future<Result> save(String accountId, AccountProfile profile, AccountRecord existing) {
    Instant now = clock.instant();
    CreditState current = existing != null ? existing.state()
        : new CreditState(0, 0, 0, AccountStatus.ACTIVE, "C", true, List.of(), 0);
    float[] stored = existing != null ? existing.features() : FeatureSchema.missingVector();
    float[] features = FeatureAssembler.assemble(stored, profile, current, now);
    ReviewOutcome review = engine.active().review(profile, current, features, now);
    CreditState next = new CreditState(review.creditLimitMinor(), current.outstandingMinor(),
        current.heldMinor(), review.status(), review.tier(), review.increaseEligible(),
        review.increaseClosedReasons(), current.version());
    return store.save(new AccountRecord(accountId, profile, next, stored), current.version())
        .map(record -> new Result(record, existing == null));
  }
}
