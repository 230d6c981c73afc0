package com.creditgate.gateway.ledger;

import com.creditgate.common.money.Money;
import com.creditgate.scoring.feature.Feature;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * Ages window features: events add to running counts when they are applied (see {@code EventApplier}); at each
 * review, the events that left their window since the previous review (occurred in
 * {@code (lastReview - window, now - window]}) are taken off again, never below zero: counts (inquiries, spend,
 * extensions, on-time repayments, quick borrow→repay cycles, overdue episodes, transaction-anomaly flags after
 * the policy's {@code anomaly.txnFlagWindowDays}), the on-time ratio, and the
 * 12-month max DPD (recomputed from the reports still inside the window when one left it). Counts that came with
 * the account (a seeded or imported baseline) have no events behind them and are left as they are.
 */
final class WindowAgeing {
  private static final String AGED_OUT = "SELECT"
      + " count(*) FILTER (WHERE type = 'INQUIRY' AND " + window(30) + ") AS inquiries_30d,"
      + " count(*) FILTER (WHERE type = 'INQUIRY' AND " + window(90) + ") AS inquiries_90d,"
      + " count(*) FILTER (WHERE type = 'SPEND' AND " + window(30) + ") AS payments_30d,"
      + " coalesce(sum(amount_minor) FILTER (WHERE type = 'SPEND' AND " + window(30) + "), 0) AS spend_30d_minor,"
      + " count(*) FILTER (WHERE type = 'SPEND' AND amount_minor >= $4::bigint AND " + window(365) + ") AS large_12m,"
      + " count(*) FILTER (WHERE type = 'EXTENSION' AND " + window(365) + ") AS extensions_12m,"
      + " count(*) FILTER (WHERE type = 'REPAYMENT' AND " + window(365) + ") AS repayments_12m,"
      + " count(*) FILTER (WHERE type = 'REPAYMENT' AND " + effect("onTime") + " AND " + window(365)
      + ") AS ontime_12m,"
      + " count(*) FILTER (WHERE type = 'REPAYMENT' AND " + effect("quickCycle") + " AND " + window(30)
      + ") AS quick_cycles_30d,"
      + " count(*) FILTER (WHERE type = 'OVERDUE' AND " + window(365) + ") AS overdue_reports_12m,"
      + " count(*) FILTER (WHERE type = 'OVERDUE' AND " + effect("overdueStarted") + " AND " + window(365)
      + ") AS overdue_started_12m,"
      + " count(*) FILTER (WHERE type = 'TXN_ANOMALY' AND occurred_at > $2::timestamptz - make_interval(days => $5::int)"
      + " AND occurred_at <= $3::timestamptz - make_interval(days => $5::int)) AS txn_flags"
      + " FROM account_events WHERE account_id = $1 AND occurred_at > $2::timestamptz - interval '365 days'"
      + " AND occurred_at <= $3::timestamptz - interval '30 days'";

  /** The worst days past due still reported within the last 12 months (when an older report left it). */
  private static final String MAX_DPD_12M = "SELECT coalesce(max((attributes->>'daysPastDue')::int), 0) AS dpd"
      + " FROM account_events WHERE account_id = $1 AND type = 'OVERDUE'"
      + " AND occurred_at > $2::timestamptz - interval '365 days'";

  private WindowAgeing() {}

  /** The boolean fact {@code EventApplier} recorded in the event's stored effect; events without it: false. */
  private static String effect(String name) {
    return "coalesce((response->'effect'->>'" + name + "')::boolean, false)";
  }

  private static String window(int days) {
    return "occurred_at > $2::timestamptz - interval '" + days + " days'"
        + " AND occurred_at <= $3::timestamptz - interval '" + days + " days'";
  }

  /** {@code features} with what aged out between {@code lastReview} and {@code now} taken off; a new vector. */
  static Future<float[]> age(SqlConnection conn, String accountId, float[] features, Instant lastReview, Instant now,
      long largePaymentMinor, int txnFlagWindowDays) {
    if (lastReview == null || !lastReview.isBefore(now)) {
      return Future.succeededFuture(features);
    }
    return conn.preparedQuery(AGED_OUT).execute(Tuple.of(accountId, lastReview.atOffset(ZoneOffset.UTC),
            now.atOffset(ZoneOffset.UTC), largePaymentMinor, txnFlagWindowDays))
        .compose(rows -> {
          Row row = rows.iterator().next();
          float[] aged = features.clone();
          ageOnTimeRatio(aged, row.getLong("repayments_12m"), row.getLong("ontime_12m"));
          takeOff(aged, Feature.INQUIRIES_30D, row.getLong("inquiries_30d"));
          takeOff(aged, Feature.INQUIRIES_90D, row.getLong("inquiries_90d"));
          takeOff(aged, Feature.PAYMENT_FREQUENCY_30D, row.getLong("payments_30d"));
          takeOff(aged, Feature.MONTHLY_SPEND, (float) row.getLong("spend_30d_minor") / Money.MINOR_PER_MAJOR);
          takeOff(aged, Feature.LARGE_PAYMENTS_12M, row.getLong("large_12m"));
          takeOff(aged, Feature.EXTENSIONS_12M, row.getLong("extensions_12m"));
          takeOff(aged, Feature.ONTIME_REPAYMENTS_12M, row.getLong("ontime_12m"));
          takeOff(aged, Feature.QUICK_CYCLES_30D, row.getLong("quick_cycles_30d"));
          takeOff(aged, Feature.TXN_ANOMALY_FLAGS, row.getLong("txn_flags"));
          takeOff(aged, Feature.OVERDUE_COUNT_12M, row.getLong("overdue_started_12m"));
          return row.getLong("overdue_reports_12m") == 0 ? Future.succeededFuture(aged)
              : maxDpdWithin12Months(conn, accountId, aged, now);
        });
  }

  /** Recomputes the 12-month max DPD from the reports still inside the window and the current DPD. */
  private static Future<float[]> maxDpdWithin12Months(SqlConnection conn, String accountId, float[] aged,
      Instant now) {
    return conn.preparedQuery(MAX_DPD_12M).execute(Tuple.of(accountId, now.atOffset(ZoneOffset.UTC)))
        .map(rows -> {
          float current = aged[Feature.CURRENT_DPD.ordinal()];
          float reported = rows.iterator().next().getInteger("dpd");
          aged[Feature.MAX_DPD_12M.ordinal()] = Float.isNaN(current) ? reported : Math.max(current, reported);
          return aged;
        });
  }

  /**
   * The on-time ratio over the repayments still in the window: the repayment total is derived from the count
   * and the ratio (as {@code EventApplier} keeps them), less what left; missing when none is left.
   */
  private static void ageOnTimeRatio(float[] features, long agedRepayments, long agedOnTime) {
    float ratio = features[Feature.ONTIME_RATIO_12M.ordinal()];
    float onTime = features[Feature.ONTIME_REPAYMENTS_12M.ordinal()];
    if (agedRepayments == 0 || Float.isNaN(ratio) || Float.isNaN(onTime) || ratio <= 0) {
      return;
    }
    float total = Math.round(onTime / ratio) - agedRepayments;
    float onTimeLeft = Math.max(0f, onTime - agedOnTime);
    features[Feature.ONTIME_RATIO_12M.ordinal()] = total <= 0 ? Float.NaN : Math.min(1f, onTimeLeft / total);
  }

  private static void takeOff(float[] features, Feature feature, float amount) {
    float value = features[feature.ordinal()];
    if (amount > 0 && !Float.isNaN(value)) {
      features[feature.ordinal()] = Math.max(0f, value - amount);
    }
  }
}
