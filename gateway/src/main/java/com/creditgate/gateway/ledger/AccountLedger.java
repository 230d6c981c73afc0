package com.creditgate.gateway.ledger;

import com.creditgate.common.account.AccountStatus;
import com.creditgate.common.account.CreditState;
import com.creditgate.common.money.Money;
import com.creditgate.common.reason.ReasonCode;
import com.creditgate.gateway.risk.RiskEngine;
import com.creditgate.gateway.store.AccountNotFound;
import com.creditgate.gateway.store.AccountRecord;
import com.creditgate.gateway.store.postgres.PgAccountRepository;
import com.creditgate.scoring.feature.Feature;
import com.creditgate.scoring.feature.FeatureAssembler;
import com.creditgate.scoring.model.ScoreScale;
import com.creditgate.scoring.policy.DelinquencyBucket;
import com.creditgate.scoring.policy.LineHistory;
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
  private static final String READ = "SELECT " + PgAccountRepository.COLUMNS
      + ", overdue_minor, last_draw_at, last_score, last_reviewed_at, coalesce(earned_limit_minor, credit_limit_minor)"
      + " AS earned_limit_minor, last_increase_at, ontime_since_increase, coalesce(line_granted_at, created_at)"
      + " AS line_granted_at, overdue_since FROM accounts WHERE account_id = $1";
  private static final String LOCK = READ + " FOR UPDATE";
  private static final String EXPOSURE = "SELECT coalesce(sum(credit_limit_minor), 0) AS total FROM accounts "
      + "WHERE segment = $1";
  private static final String WRITE = "UPDATE accounts SET region = $2, occupation = $3, monthly_income_minor = $4,"
      + " credit_score = $5, segment = $6, assets_minor = $7, credit_limit_minor = $8, outstanding_minor = $9,"
      + " status = $10, tier = $11, increase_eligible = $12, increase_closed_reasons = $13, features = $14,"
      + " overdue_minor = $15, last_draw_at = $16, last_score = $17, last_reviewed_at = $18,"
      + " earned_limit_minor = $19, last_increase_at = $20, ontime_since_increase = $21, line_granted_at = $22,"
      + " overdue_since = $23,"
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

  /** Days a transaction-anomaly flag counts for, under the policy in force (SPEC 2.4 #5). */
  public int txnFlagWindowDays() {
    return engine.active().policyDocument().anomaly().txnFlagWindowDays();
  }

  /** Locks {@code accountId} for the rest of the transaction; 404 when it does not exist. */
  public Future<LockedAccount> lock(SqlConnection conn, String accountId) {
    return load(conn, LOCK, accountId);
  }

  /**
   * The inputs of a review of {@code accountId} at {@code now} with nothing new, read as {@link #reviewAndWrite}
   * reads them (the same row with its earned limit and line history, window ageing, dormancy and days past due
   * by the calendar, last score, segment exposure) but without locking or writing: report and simulate review
   * what a real review would, so they never show a cut applied twice. 404 when the account does not exist.
   */
  public Future<ReviewPreview> preview(SqlConnection conn, String accountId, Instant now) {
    RiskEngine.Active active = engine.active();
    return load(conn, READ, accountId).compose(account -> {
      AccountChange none = AccountChange.none(account);
      return WindowAgeing.age(conn, accountId, none.features(), account.lastReviewedAt(), now, LARGE_PAYMENT_MINOR,
              active.policyDocument().anomaly().txnFlagWindowDays())
          .compose(aged -> exposure(conn, active, none.profile().segment()).map(exposure -> new ReviewPreview(
              account.record(), reviewedFeatures(account, withFeatures(none, aged), account.history(), now),
              account.lastScore(), exposure, account.history(), active, now)));
    });
  }

  private static Future<LockedAccount> load(SqlConnection conn, String statement, String accountId) {
    return conn.preparedQuery(statement).execute(Tuple.of(accountId)).map(rows -> {
      if (rows.size() == 0) {
        throw AccountNotFound.of(accountId);
      }
      Row row = rows.iterator().next();
      LineHistory history = new LineHistory(row.getLong("earned_limit_minor"),
          instant(row.getOffsetDateTime("last_increase_at")), row.getInteger("ontime_since_increase"));
      return new LockedAccount(PgAccountRepository.map(row), row.getLong("overdue_minor"),
          instant(row.getOffsetDateTime("last_draw_at")), row.getInteger("last_score"),
          instant(row.getOffsetDateTime("last_reviewed_at")), history,
          instant(row.getOffsetDateTime("line_granted_at")), instant(row.getOffsetDateTime("overdue_since")));
    });
  }

  /**
   * Applies {@code change} to the locked account, ages its window features, reviews it, and writes everything;
   * {@code trigger} names why. Ageing and review use one snapshot of the risk configuration, as {@link #preview}.
   */
  public Future<ReviewResult> reviewAndWrite(SqlConnection conn, LockedAccount locked, AccountChange change,
      String trigger, Instant now) {
    RiskEngine.Active active = engine.active();
    int newOnTime = onTimeRepaymentsAdded(locked.record().features(), change.features());
    return WindowAgeing.age(conn, locked.record().accountId(), change.features(), locked.lastReviewedAt(), now,
            LARGE_PAYMENT_MINOR, active.policyDocument().anomaly().txnFlagWindowDays())
        .compose(aged -> review(conn, active, locked, withFeatures(change, aged),
            locked.history().withOnTimeRepayments(newOnTime), trigger, now));
  }

  private static AccountChange withFeatures(AccountChange change, float[] features) {
    return new AccountChange(change.profile(), features, change.outstandingMinor(), change.overdueMinor(),
        change.lastDrawAt(), change.overdueSince());
  }

  private Future<ReviewResult> review(SqlConnection conn, RiskEngine.Active active, LockedAccount locked,
      AccountChange change, LineHistory history, String trigger, Instant now) {
    AccountRecord before = locked.record();
    CreditState current = before.state();
    CreditState changedState = new CreditState(current.creditLimitMinor(), change.outstandingMinor(),
        current.heldMinor(), current.status(), current.tier(), current.increaseEligible(),
        current.increaseClosedReasons(), current.version());
    float[] stored = reviewedFeatures(locked, change, history, now);
    float[] features = FeatureAssembler.assemble(stored, change.profile(), changedState, now);
    return exposure(conn, active, change.profile().segment()).compose(exposure -> {
      RiskEngine.Review review = active.review(change.profile(), changedState, features, locked.lastScore(),
          exposure, now, history);
      int score = ScoreScale.scoreOf(review.pd());
      ReviewOutcome outcome = review.outcome();
      LineKeeping kept = new LineKeeping(history.after(outcome, now),
          lineGrantedAt(history, outcome, locked.lineGrantedAt(), now), change.overdueSince());
      return conn.preparedQuery(WRITE)
          .execute(writeTuple(before.accountId(), change, stored, outcome, score, now, kept))
          .map(rows -> PgAccountRepository.map(rows.iterator().next()))
          .compose(after -> {
            ReviewResult result = new ReviewResult(before, after, outcome, score, moved(before, after),
                active.model().version(), active.policyDocument().version());
            return result.changed() ? recordChange(conn, result, trigger, now).map(result)
                : Future.succeededFuture(result);
          });
    });
  }

  /** The behavioural vector a review of {@code change} stores: dormancy, days past due and income stability. */
  private static float[] reviewedFeatures(LockedAccount locked, AccountChange change, LineHistory history,
      Instant now) {
    Instant idleSince = change.lastDrawAt() != null ? change.lastDrawAt()
        : history.earnedLimitMinor() > 0 ? locked.lineGrantedAt() : null;
    return withIncomeStability(
        withOverdueAgeing(withDormancy(change.features(), idleSince, now), change.overdueSince(), now),
        locked.record().profile().monthlyIncomeMinor(), change.profile().monthlyIncomeMinor());
  }

  private static Instant instant(OffsetDateTime at) {
    return at == null ? null : at.toInstant();
  }

  private static OffsetDateTime utc(Instant at) {
    return at == null ? null : at.atOffset(ZoneOffset.UTC);
  }

  /** What the ledger remembers of the line beside the record (V004): history, grant, overdue start. */
  private record LineKeeping(LineHistory history, Instant lineGrantedAt, Instant overdueSince) {}

  /**
   * Limit, status, eligibility or delinquency bucket moved: each is a change the limit history must show.
   */
  private static boolean moved(AccountRecord before, AccountRecord after) {
    CreditState b = before.state();
    CreditState a = after.state();
    return b.creditLimitMinor() != a.creditLimitMinor() || b.status() != a.status()
        || b.increaseEligible() != a.increaseEligible()
        || DelinquencyBucket.of(dpd(before)) != DelinquencyBucket.of(dpd(after));
  }

  private static float dpd(AccountRecord record) {
    return record.features()[Feature.CURRENT_DPD.ordinal()];
  }

  /** On-time repayments the command recorded (the running 12-month count went up by them). */
  private static int onTimeRepaymentsAdded(float[] before, float[] after) {
    float was = before[Feature.ONTIME_REPAYMENTS_12M.ordinal()];
    float is = after[Feature.ONTIME_REPAYMENTS_12M.ordinal()];
    return (int) Math.max(0, (Float.isNaN(is) ? 0 : is) - (Float.isNaN(was) ? 0 : was));
  }

  /** A line is granted when its earned limit first becomes positive; a line earned down to zero loses it. */
  private static Instant lineGrantedAt(LineHistory before, ReviewOutcome outcome, Instant grantedAt, Instant now) {
    if (outcome.earnedLimitMinor() == 0) {
      return null;
    }
    return before.earnedLimitMinor() == 0 || grantedAt == null ? now : grantedAt;
  }

  /**
   * Income stability (SPEC 2.2): the smaller over the larger of the last two declared monthly incomes, so 1 is an
   * unchanged income and 0.5 one that halved or doubled; it is set when a profile write or PROFILE_UPDATE changes
   * the income, 1 for a first declared income, and missing while no income is declared.
   */
  private static float[] withIncomeStability(float[] features, long incomeBeforeMinor, long incomeMinor) {
    int stability = Feature.INCOME_STABILITY.ordinal();
    if (incomeMinor == 0 || (incomeMinor == incomeBeforeMinor && !Float.isNaN(features[stability]))) {
      return features;
    }
    float[] copy = features.clone();
    copy[stability] = incomeBeforeMinor == 0 || incomeBeforeMinor == incomeMinor ? 1f
        : (float) ((double) Math.min(incomeBeforeMinor, incomeMinor) / Math.max(incomeBeforeMinor, incomeMinor));
    return copy;
  }

  /** Days since the last draw, or since the grant for a line never drawn (SPEC 2.4 #8). */
  private static float[] withDormancy(float[] features, Instant idleSince, Instant now) {
    if (idleSince == null) {
      return features;
    }
    float[] copy = features.clone();
    copy[Feature.DAYS_SINCE_LAST_DRAW.ordinal()] = Math.max(0, Duration.between(idleSince, now).toDays());
    return copy;
  }

  /**
   * Days past due by the calendar: from the overdue's first day to now, never less than the last report;
   * 0 (present, not missing) when nothing is overdue. The 12-month maximum follows.
   */
  private static float[] withOverdueAgeing(float[] features, Instant overdueSince, Instant now) {
    float[] copy = features.clone();
    float reported = copy[Feature.CURRENT_DPD.ordinal()];
    if (overdueSince == null) {
      if (Float.isNaN(reported)) {
        copy[Feature.CURRENT_DPD.ordinal()] = 0;
      }
      return copy;
    }
    float dpd = Math.max(Float.isNaN(reported) ? 0 : reported,
        Math.max(1, Duration.between(overdueSince, now).toDays()));
    copy[Feature.CURRENT_DPD.ordinal()] = dpd;
    float max = copy[Feature.MAX_DPD_12M.ordinal()];
    copy[Feature.MAX_DPD_12M.ordinal()] = Float.isNaN(max) ? dpd : Math.max(max, dpd);
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
      int score, Instant now, LineKeeping kept) {
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
        .addOffsetDateTime(now.atOffset(ZoneOffset.UTC))
        .addLong(kept.history().earnedLimitMinor())
        .addOffsetDateTime(utc(kept.history().lastIncreaseAt()))
        .addInteger(kept.history().onTimeSinceIncrease())
        .addOffsetDateTime(utc(kept.lineGrantedAt()))
        .addOffsetDateTime(utc(kept.overdueSince()));
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
        .compose(v -> conn.preparedQuery(OUTBOX).execute(Tuple.of(result.after().accountId(),
            kind(result.before(), result.after()), payload)))
        .mapEmpty();
  }

  private static String kind(AccountRecord beforeRecord, AccountRecord afterRecord) {
    CreditState before = beforeRecord.state();
    CreditState after = afterRecord.state();
    if (before.status() != after.status()) {
      return after.status() == AccountStatus.ACTIVE ? "LINE_REOPENED" : "LINE_" + after.status().name();
    }
    if (before.creditLimitMinor() != after.creditLimitMinor()) {
      return after.creditLimitMinor() > before.creditLimitMinor() ? "LIMIT_INCREASED" : "LIMIT_DECREASED";
    }
    if (before.increaseEligible() == after.increaseEligible()) {
      return "DELINQUENCY_" + DelinquencyBucket.of(dpd(afterRecord)).name();
    }
    return after.increaseEligible() ? "INCREASES_REOPENED" : "INCREASES_CLOSED";
  }

  private static String[] names(List<ReasonCode> reasons) {
    return reasons.stream().map(ReasonCode::name).toArray(String[]::new);
  }

}
