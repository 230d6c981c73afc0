package com.creditgate.gateway.limitcheck;

import com.creditgate.common.account.CreditState;
import com.creditgate.gateway.risk.FeatureAssembler;
import com.creditgate.gateway.risk.RiskEngine;
import com.creditgate.gateway.store.AccountRecord;
import com.creditgate.gateway.store.AccountStore;
import com.creditgate.scoring.policy.ReviewOutcome;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Instant;

/** The embedded default's re-evaluation of a closed line: a review stored back in the in-process store. */
public final class EmbeddedReevaluation implements ClosedLineReevaluation {
  private final AccountStore store;
  private final RiskEngine engine;
  private final Clock clock;

  public EmbeddedReevaluation(AccountStore store, RiskEngine engine, Clock clock) {
    this.store = store;
    this.engine = engine;
    this.clock = clock;
  }

  @Override
  public Future<AccountRecord> reevaluate(AccountRecord closed) {
    Instant now = clock.instant();
    CreditState s = closed.state();
    float[] features = FeatureAssembler.assemble(closed.features(), closed.profile(), s, now);
    ReviewOutcome review = engine.active().review(closed.profile(), s, features, now);
    CreditState next = new CreditState(review.creditLimitMinor(), s.outstandingMinor(), s.heldMinor(), review.status(),
        review.tier(), review.increaseEligible(), review.increaseClosedReasons(), s.version());
    return store.save(new AccountRecord(closed.accountId(), closed.profile(), next, closed.features()), s.version());
  }
}
