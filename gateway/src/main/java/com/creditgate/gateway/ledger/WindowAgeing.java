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
 * {@code (lastReview - window, now - window]}) are taken off again, never below zero. Counts that came with the
 * account (a seeded or imported baseline) have no events behind them and are left as they are.
 */
final class WindowAgeing {
  private static final String AGED_OUT = "SELECT"
      + " count(*) FILTER (WHERE type = 'INQUIRY' AND " + window(30) + ") AS inquiries_30d,"
      + " count(*) FILTER (WHERE type = 'INQUIRY' AND " + window(90) + ") AS inquiries_90d,"
      + " count(*) FILTER (WHERE type = 'SPEND' AND " + window(30) + ") AS payments_30d,"
      + " coalesce(sum(amount_minor) FILTER (WHERE type = 'SPEND' AND " + window(30) + "), 0) AS spend_30d_minor,"
      + " count(*) FILTER (WHERE type = 'SPEND' AND amount_minor >= $4::bigint AND " + window(365) + ") AS large_12m,"
      + " count(*) FILTER (WHERE type = 'EXTENSION' AND " + window(365) + ") AS extensions_12m,"
      + " count(*) FILTER (WHERE type = 'REPAYMENT' AND coalesce((attributes->>'onTime')::boolean, true) AND "
      + window(365) + ") AS ontime_12m"
      + " FROM account_events WHERE account_id = $1 AND occurred_at > $2::timestamptz - interval '365 days'"
      + " AND occurred_at <= $3::timestamptz - interval '30 days'";

  private WindowAgeing() {}

  private static String window(int days) {
    return "occurred_at > $2::timestamptz - interval '" + days + " days'"
        + " AND occurred_at <= $3::timestamptz - interval '" + days + " days'";
  }

  /** {@code features} with what aged out between {@code lastReview} and {@code now} taken off; a new vector. */
  static Future<float[]> age(SqlConnection conn, String accountId, float[] features, Instant lastReview, Instant now,
      long largePaymentMinor) {
    if (lastReview == null || !lastReview.isBefore(now)) {
      return Future.succeededFuture(features);
    }
    return conn.preparedQuery(AGED_OUT).execute(Tuple.of(accountId, lastReview.atOffset(ZoneOffset.UTC),
            now.atOffset(ZoneOffset.UTC), largePaymentMinor))
        .map(rows -> {
          Row row = rows.iterator().next();
          float[] aged = features.clone();
          takeOff(aged, Feature.INQUIRIES_30D, row.getLong("inquiries_30d"));
          takeOff(aged, Feature.INQUIRIES_90D, row.getLong("inquiries_90d"));
          takeOff(aged, Feature.PAYMENT_FREQUENCY_30D, row.getLong("payments_30d"));
          takeOff(aged, Feature.MONTHLY_SPEND, (float) row.getLong("spend_30d_minor") / Money.MINOR_PER_MAJOR);
          takeOff(aged, Feature.LARGE_PAYMENTS_12M, row.getLong("large_12m"));
          takeOff(aged, Feature.EXTENSIONS_12M, row.getLong("extensions_12m"));
          takeOff(aged, Feature.ONTIME_REPAYMENTS_12M, row.getLong("ontime_12m"));
          return aged;
        });
  }

  private static void takeOff(float[] features, Feature feature, float amount) {
    float value = features[feature.ordinal()];
    if (amount > 0 && !Float.isNaN(value)) {
      features[feature.ordinal()] = Math.max(0f, value - amount);
    }
  }
}
