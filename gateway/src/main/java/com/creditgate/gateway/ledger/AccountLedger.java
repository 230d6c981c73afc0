package com.creditgate.gateway.ledger;

import com.creditgate.common.account.AccountStatus;
import com.creditgate.common.account.CreditState;
import com.creditgate.common.money.Money;
import com.creditgate.common.reason.ReasonCode;
import com.creditgate.gateway.risk.FeatureAssembler;
import com.creditgate.gateway.risk.RiskEngine;
import com.creditgate.gateway.store.AccountNotFound;
import com.creditgate.gateway.store.AccountRecord;
import com.creditgate.gateway.store.postgres.PgAccountRepository;
import com.creditgate.scoring.feature.Feature;
import com.creditgate.scoring.model.ScoreScale;
import com.creditgate.scoring.policy.ReviewInput;
import com.creditgate.scoring.policy.ReviewOutcome;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Read-modify-write of one account inside the caller's transaction: lock the row, apply a change, run the
 * limit review (SPEC 2.4), write the account, and, when limit, status or eligibility moved, a limit-history
 * row and a notification in the outbox (SPEC 2.4, last paragraph). Stateless and thread-safe.
 */
public final class AccountLedger {
  private static final String LOCK = "SELECT " + PgAccountRepository.COLUMNS
      + ", overdue_minor, last_draw_at, last_score, last_reviewed_at FROM accounts WHERE account_id = $1 FOR UPDATE";
  private static final String EXPOSURE = "SELECT coalesce(sum(credit_limit_minor), 0) AS total FROM accounts "
      + "WHERE segment = $1";
  private static final String WRITE = "UPDATE accounts SET region = $2, occupation = $3, monthly_income_minor = $4,"
      + " credit_score = $5, segment = $6, assets_minor = $7, credit_limit_minor = $8, outstanding_minor = $9,"
      + " status = $10, tier = $11, increase_eligible = $12, increase_closed_reasons = $13, features = $14,"
      + " overdue_minor = $15, last_draw_at = $16, last_score = $17, last_reviewed_at = $18,"
      + " version = version + 1, updated_at = now() WHERE account_id = $1 RETURNING " + PgAccountRepository.COLUMNS;
  private static final String HISTORY = "INSERT INTO limit_history (account_id, changed_at, trigger, old_limit_minor,"
      + " new_limit_minor, old_status, new_status, old_increase_eligible, new_increase_eligible, tier, reasons,"
      + " increase_closed_reasons, fired_rules, model_version, policy_version)"
      + " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)";
  private static final String OUTBOX = "INSERT INTO notification_outbox (account_id, kind, payload) VALUES ($1, $2, $3)";

  /** A platform payment of at least this much is a large payment (SPEC 2.2). */
  public static final long LARGE_PAYMENT_MINOR = Money.ofMajor(5_000);

  private final RiskEngine engine;

  public AccountLedger(RiskEngine engine) {
    this.engine = engine;
  }

  /** Locks {@code accountId} for the rest of the transaction; 404 when it does not exist. */
  public Future<LockedAccount> lock(SqlConnection conn, String accountId) {
    return conn.preparedQuery(LOCK).execute(Tuple.of(accountId)).map(rows -> {
      if (rows.size() == 0) {
        throw AccountNotFound.of(accountId);
      }
      Row row = rows.iterator().next();
      return new LockedAccount(PgAccountRepository.map(row), row.getLong("overdue_minor"),
          instant(row.getOffsetDateTime("last_draw_at")), row.getInteger("last_score"),
          instant(row.getOffsetDateTime("last_reviewed_at")));
    });
  }

  /**
   * Applies {@code change} to the locked account, ages its window features, reviews it, and writes everything;
   * {@code trigger} names why.
   */
  public Future<ReviewResult> reviewAndWrite(SqlConnection conn, LockedAccount locked, AccountChange change,
      String trigger, Instant now) {
    return WindowAgeing.age(conn, locked.record().accountId(), change.features(), locked.lastReviewedAt(), now,
            LARGE_PAYMENT_MINOR)
        .compose(aged -> review(conn, locked, new AccountChange(change.profile(), aged, change.outstandingMinor(),
            change.overdueMinor(), change.lastDrawAt()), trigger, now));
  }

  private Future<ReviewResult> review(SqlConnection conn, LockedAccount locked, AccountChange change,
      String trigger, Instant now) {
    RiskEngine.Active active = engine.active();
    AccountRecord before = locked.record();
    CreditState current = before.state();
    CreditState changedState = new CreditState(current.creditLimitMinor(), change.outstandingMinor(),
        current.heldMinor(), current.status(), current.tier(), current.increaseEligible(),
        current.increaseClosedReasons(), current.version());
    float[] stored = withDormancy(change.features(), change.lastDrawAt(), now);
    float[] features = FeatureAssembler.assemble(stored, change.profile(), changedState, now);
    return exposure(conn, active, change.profile().segment()).compose(exposure -> {
      RiskEngine.Review review = active.review(change.profile(), changedState, features, locked.lastScore(),
          exposure, now);
      int score = ScoreScale.scoreOf(review.pd());
      ReviewOutcome outcome = review.outcome();
      return conn.preparedQuery(WRITE).execute(writeTuple(before.accountId(), change, stored, outcome, score, now))
          .map(rows -> PgAccountRepository.map(rows.iterator().next()))
          .compose(after -> {
            ReviewResult result = new ReviewResult(before, after, outcome, score, moved(before, after),
                active.model().version(), active.policyDocument().version());
            return result.changed() ? recordChange(conn, result, trigger, now).map(result)
                : Future.succeededFuture(result);
          });
    });
  }

  private static Instant instant(OffsetDateTime at) {
    return at == null ? null : at.toInstant();
  }

  private static boolean moved(AccountRecord before, AccountRecord after) {
    CreditState b = before.state();
    CreditState a = after.state();
    return b.creditLimitMinor() != a.creditLimitMinor() || b.status() != a.status()
        || b.increaseEligible() != a.increaseEligible();
  }

  private static float[] withDormancy(float[] features, Instant lastDrawAt, Instant now) {
    if (lastDrawAt == null) {
      return features;
    }
    float[] copy = features.clone();
    copy[Feature.DAYS_SINCE_LAST_DRAW.ordinal()] = Math.max(0, Duration.between(lastDrawAt, now).toDays());
    return copy;
  }

  private static Future<Long> exposure(SqlConnection conn, RiskEngine.Active active, String segment) {
    if (!active.policyDocument().segmentBudgetsMinor().containsKey(segment)) {
      return Future.succeededFuture(ReviewInput.UNKNOWN_EXPOSURE);
    }
    return conn.preparedQuery(EXPOSURE).execute(Tuple.of(segment))
        .map(rows -> rows.iterator().next().getLong("total"));
  }

  private static Tuple writeTuple(String accountId, AccountChange change, float[] features, ReviewOutcome outcome,
      int score, Instant now) {
    var p = change.profile();
    return Tuple.tuple()
        .addString(accountId).addString(p.region()).addString(p.occupation()).addLong(p.monthlyIncomeMinor())
        .addInteger(p.creditScore()).addString(p.segment()).addLong(p.assetsMinor())
        .addLong(outcome.creditLimitMinor()).addLong(change.outstandingMinor())
        .addString(outcome.status().name()).addString(outcome.tier()).addBoolean(outcome.increaseEligible())
        .addArrayOfString(names(outcome.increaseClosedReasons()))
        .addArrayOfFloat(PgAccountRepository.boxed(features))
        .addLong(change.overdueMinor())
        .addOffsetDateTime(change.lastDrawAt() == null ? null : change.lastDrawAt().atOffset(ZoneOffset.UTC))
        .addInteger(score)
        .addOffsetDateTime(now.atOffset(ZoneOffset.UTC));
  }

  private static Future<Void> recordChange(SqlConnection conn, ReviewResult result, String trigger, Instant now) {
    CreditState b = result.before().state();
    CreditState a = result.after().state();
    ReviewOutcome o = result.outcome();
    Tuple history = Tuple.tuple()
        .addString(result.after().accountId()).addOffsetDateTime(now.atOffset(ZoneOffset.UTC)).addString(trigger)
        .addLong(b.creditLimitMinor()).addLong(a.creditLimitMinor())
        .addString(b.status().name()).addString(a.status().name())
        .addBoolean(b.increaseEligible()).addBoolean(a.increaseEligible())
        .addString(a.tier()).addArrayOfString(names(o.reasons())).addArrayOfString(names(o.increaseClosedReasons()))
        .addArrayOfString(o.firedRules().toArray(String[]::new))
        .addString(result.modelVersion()).addString(result.policyVersion());
    JsonObject payload = new JsonObject().put("accountId", result.after().accountId()).put("trigger", trigger)
        .put("before", ReviewResult.state(result.before())).put("after", ReviewResult.state(result.after()))
        .put("reasons", new JsonArray(o.reasons().stream().map(ReasonCode::code).toList()))
        .put("at", now.toString());
    return conn.preparedQuery(HISTORY).execute(history)
        .compose(v -> conn.preparedQuery(OUTBOX).execute(Tuple.of(result.after().accountId(), kind(b, a), payload)))
        .mapEmpty();
  }

  private static String kind(CreditState before, CreditState after) {
    if (before.status() != after.status()) {
      return after.status() == AccountStatus.ACTIVE ? "LINE_REOPENED" : "LINE_" + after.status().name();
    }
    if (before.creditLimitMinor() != after.creditLimitMinor()) {
      return after.creditLimitMinor() > before.creditLimitMinor() ? "LIMIT_INCREASED" : "LIMIT_DECREASED";
    }
    return after.increaseEligible() ? "INCREASES_REOPENED" : "INCREASES_CLOSED";
  }

  private static String[] names(List<ReasonCode> reasons) {
    return reasons.stream().map(ReasonCode::name).toArray(String[]::new);
  }

}
