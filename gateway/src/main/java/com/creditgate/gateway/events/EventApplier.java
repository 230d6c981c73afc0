package com.creditgate.gateway.events;

import com.creditgate.common.account.AccountProfile;
import com.creditgate.common.account.AccountStatus;
import com.creditgate.common.account.CreditState;
import com.creditgate.common.money.Money;
import com.creditgate.common.reason.ReasonCode;
import com.creditgate.gateway.error.GatewayException;
import com.creditgate.gateway.http.JsonBody;
import com.creditgate.gateway.http.Validation;
import com.creditgate.gateway.ledger.AccountChange;
import com.creditgate.gateway.ledger.AccountLedger;
import com.creditgate.gateway.ledger.LockedAccount;
import com.creditgate.scoring.feature.Feature;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Turns one event into a change of a locked account: money (draws, repayments, the overdue amount) and the
 * behavioural features the event moves. Pure: validates first and throws a 4xx before anything is written.
 * Window features (12 months, 30 and 90 days) are kept as running counts; every review takes off what left
 * its window ({@code WindowAgeing}), reading back the facts this class records in the event's effect.
 */
final class EventApplier {
  /** A repayment within this time of a draw counts as a quick borrow→repay cycle (SPEC 2.4 #9). */
  static final Duration QUICK_CYCLE_MAX = Duration.ofDays(7);
  /** How far in the future an event's {@code occurredAt} may be (clock skew between systems). */
  static final Duration OCCURRED_AT_SKEW_MAX = Duration.ofMinutes(5);

  private EventApplier() {}

  /** The change {@code event} makes to {@code account}, and the facts worth reporting about it. */
  record Applied(AccountChange change, JsonObject effect) {}

  /**
   * The change of {@code event} at {@code now}. An event older than a window adds nothing to that window's
   * features (it would never be taken off again); one from the future is a 400.
   */
  static Applied apply(LockedAccount account, AccountEvent event, Instant now, int txnFlagWindowDays) {
    if (event.occurredAt().isAfter(now.plus(OCCURRED_AT_SKEW_MAX))) {
      throw JsonBody.invalid("occurredAt", "must not be more than " + OCCURRED_AT_SKEW_MAX.toMinutes()
          + " minutes in the future");
    }
    CreditState state = account.record().state();
    AccountProfile profile = account.record().profile();
    float[] f = account.record().features().clone();
    long outstanding = state.outstandingMinor();
    long overdue = account.overdueMinor();
    var lastDraw = account.lastDrawAt();
    Instant overdueSince = account.overdueSince();
    JsonObject effect = new JsonObject();
    switch (event.type()) {
      case DRAW -> {
        long amount = event.amountMinor();
        requireUsable(state);
        if (amount > state.availableMinor()) {
          throw new GatewayException.Declined("draw-declined", "the draw exceeds available credit",
              List.of(ReasonCode.INSUFFICIENT_AVAILABLE_CREDIT));
        }
        outstanding = Money.add(outstanding, amount);
        lastDraw = event.occurredAt();
        effect.put("drawn", amount);
      }
      case REPAYMENT -> {
        long amount = event.amountMinor();
        long applied = Math.min(amount, outstanding);
        boolean onTime = bool(event, "onTime", count(f, Feature.CURRENT_DPD) == 0);
        outstanding -= applied;
        overdue = Math.max(0, overdue - amount);
        if (overdue == 0) {
          f[Feature.CURRENT_DPD.ordinal()] = 0;
          overdueSince = null;
        }
        if (within(event, now, 365)) {
          recordRepayment(f, onTime);
        }
        if (bool(event, "deviceChanged", false)) {
          increment(f, Feature.DEVICE_CHANGES_AT_REPAYMENT);
        }
        boolean quickCycle = within(event, now, 30) && lastDraw != null && !event.occurredAt().isAfter(lastDraw.plus(QUICK_CYCLE_MAX))
            && applied == state.outstandingMinor() && applied > 0;
        if (quickCycle) {
          increment(f, Feature.QUICK_CYCLES_30D);
        }
        // onTime and quickCycle are read back when the event leaves its window (WindowAgeing).
        effect.put("repaid", applied).put("unapplied", amount - applied).put("onTime", onTime)
            .put("quickCycle", quickCycle);
      }
      case OVERDUE -> {
        int dpd = intAttribute(event, "daysPastDue", 1, 10_000);
        boolean overdueStarted = count(f, Feature.CURRENT_DPD) == 0 && within(event, now, 365);
        if (overdueStarted) {
          increment(f, Feature.OVERDUE_COUNT_12M);
        }
        f[Feature.CURRENT_DPD.ordinal()] = dpd;
        if (within(event, now, 365)) {
          f[Feature.MAX_DPD_12M.ordinal()] = Math.max(count(f, Feature.MAX_DPD_12M), dpd);
        }
        overdue = event.amountMinor() == null ? outstanding : Math.min(event.amountMinor(), outstanding);
        // The report dates the overdue; reviews age its days past due by the calendar from there.
        overdueSince = event.occurredAt().minus(Duration.ofDays(dpd));
        effect.put("daysPastDue", dpd).put("overdue", overdue).put("overdueStarted", overdueStarted);
      }
      case EXTENSION -> incrementWithin(f, Feature.EXTENSIONS_12M, event, now, 365);
      case SPEND -> {
        if (within(event, now, 30)) {
          f[Feature.MONTHLY_SPEND.ordinal()] = count(f, Feature.MONTHLY_SPEND)
              + (float) event.amountMinor() / Money.MINOR_PER_MAJOR;
          increment(f, Feature.PAYMENT_FREQUENCY_30D);
        }
        if (event.amountMinor() >= AccountLedger.LARGE_PAYMENT_MINOR) {
          incrementWithin(f, Feature.LARGE_PAYMENTS_12M, event, now, 365);
        }
      }
      case ASSET_UPDATE -> profile = withAssets(profile, event.amountMinor());
      case INQUIRY -> {
        incrementWithin(f, Feature.INQUIRIES_30D, event, now, 30);
        incrementWithin(f, Feature.INQUIRIES_90D, event, now, 90);
      }
      case LOGIN_ANOMALY -> f[Feature.LOGIN_ANOMALY_SCORE.ordinal()] = (float) score(event);
      case TXN_ANOMALY -> incrementWithin(f, Feature.TXN_ANOMALY_FLAGS, event, now, txnFlagWindowDays);
      case LINKED_ACCOUNT_RISK -> f[Feature.LINKED_ACCOUNT_RISK.ordinal()] = (float) score(event);
      case ENGAGEMENT -> increment(f, Feature.ENGAGEMENT_TASKS);
      case PROFILE_UPDATE -> profile = updatedProfile(profile, event.attributes());
    }
    return new Applied(new AccountChange(profile, f, outstanding, Math.min(overdue, outstanding), lastDraw,
        overdueSince), effect);
  }

  private static void requireUsable(CreditState state) {
    if (state.status() == AccountStatus.FROZEN) {
      throw new GatewayException.Declined("draw-declined", "the account is frozen", List.of(ReasonCode.ACCOUNT_FROZEN));
    }
    if (state.status() == AccountStatus.CLOSED) {
      throw new GatewayException.Declined("draw-declined", "the credit line is closed",
          List.of(ReasonCode.ACCOUNT_CLOSED));
    }
  }

  /** On-time count and ratio over the repayments seen so far. */
  private static void recordRepayment(float[] f, boolean onTime) {
    float onTimeCount = count(f, Feature.ONTIME_REPAYMENTS_12M);
    float ratio = f[Feature.ONTIME_RATIO_12M.ordinal()];
    float total = ratio > 0 && !Float.isNaN(ratio) ? Math.round(onTimeCount / ratio) : onTimeCount;
    float newOnTime = onTimeCount + (onTime ? 1 : 0);
    f[Feature.ONTIME_REPAYMENTS_12M.ordinal()] = newOnTime;
    f[Feature.ONTIME_RATIO_12M.ordinal()] = newOnTime / (total + 1);
  }

  private static float count(float[] f, Feature feature) {
    float value = f[feature.ordinal()];
    return Float.isNaN(value) ? 0 : value;
  }

  private static void increment(float[] f, Feature feature) {
    f[feature.ordinal()] = count(f, feature) + 1;
  }

  private static void incrementWithin(float[] f, Feature feature, AccountEvent event, Instant now, int windowDays) {
    if (within(event, now, windowDays)) {
      increment(f, feature);
    }
  }

  /** Whether the event is inside a window of {@code days} ending now, as {@code WindowAgeing} counts it. */
  private static boolean within(AccountEvent event, Instant now, int days) {
    return event.occurredAt().isAfter(now.minus(Duration.ofDays(days)));
  }

  private static boolean bool(AccountEvent event, String name, boolean defaultValue) {
    Object value = event.attributes().getValue(name);
    if (value == null) {
      return defaultValue;
    }
    if (!(value instanceof Boolean b)) {
      throw attribute(name, "must be true or false");
    }
    return b;
  }

  private static int intAttribute(AccountEvent event, String name, int min, int max) {
    Object value = event.attributes().getValue(name);
    if (!(value instanceof Integer || value instanceof Long) || ((Number) value).longValue() < min
        || ((Number) value).longValue() > max) {
      throw attribute(name, "must be an integer between " + min + " and " + max + " for " + event.type());
    }
    return ((Number) value).intValue();
  }

  private static double score(AccountEvent event) {
    Object value = event.attributes().getValue("score");
    if (!(value instanceof Number n) || !(n.doubleValue() >= 0 && n.doubleValue() <= 1)) {
      throw attribute("score", "must be a number between 0 and 1 for " + event.type());
    }
    return n.doubleValue();
  }

  private static AccountProfile withAssets(AccountProfile p, long assetsMinor) {
    return new AccountProfile(p.region(), p.occupation(), p.monthlyIncomeMinor(), p.creditScore(), p.segment(),
        assetsMinor, p.accountOpenedAt());
  }

  private static AccountProfile updatedProfile(AccountProfile p, JsonObject a) {
    String region = text(a, "region", p.region(), Validation.REGION.pattern());
    String occupation = text(a, "occupation", p.occupation(), Validation.CODE.pattern());
    String segment = text(a, "segment", p.segment(), Validation.CODE.pattern());
    long income = a.containsKey("monthlyIncome") ? longAttribute(a, "monthlyIncome", 0, AccountEvent.AMOUNT_MAX_MINOR)
        : p.monthlyIncomeMinor();
    int score = a.containsKey("creditScore") ? (int) longAttribute(a, "creditScore", AccountProfile.MIN_CREDIT_SCORE,
        AccountProfile.MAX_CREDIT_SCORE) : p.creditScore();
    return new AccountProfile(region, occupation, income, score, segment, p.assetsMinor(), p.accountOpenedAt());
  }

  private static String text(JsonObject a, String name, String current, String pattern) {
    Object value = a.getValue(name);
    if (value == null) {
      return current;
    }
    if (!(value instanceof String s) || !s.matches(pattern)) {
      throw attribute(name, "must match " + pattern);
    }
    return s;
  }

  private static long longAttribute(JsonObject a, String name, long min, long max) {
    Object value = a.getValue(name);
    if (!(value instanceof Integer || value instanceof Long) || ((Number) value).longValue() < min
        || ((Number) value).longValue() > max) {
      throw attribute(name, "must be an integer between " + min + " and " + max);
    }
    return ((Number) value).longValue();
  }

  private static GatewayException.InvalidRequest attribute(String name, String why) {
    return new GatewayException.InvalidRequest("/attributes/" + name, "attributes." + name + " " + why);
  }
}
