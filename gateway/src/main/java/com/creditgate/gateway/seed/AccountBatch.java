package com.creditgate.gateway.seed;

import com.creditgate.common.account.AccountProfile;
import com.creditgate.common.account.CreditState;
import com.creditgate.common.reason.ReasonCode;
import com.creditgate.gateway.store.AccountRecord;
import com.creditgate.gateway.store.postgres.PgAccountRepository;
import com.creditgate.scoring.feature.FeatureSchema;
import io.vertx.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.StringJoiner;

/**
 * Up to {@code capacity} accounts laid out as columns, written by ONE statement: {@code INSERT … SELECT FROM
 * unnest(…)} with one array parameter per column. The statement upserts: a seeded id already present is
 * overwritten (profile, limit, outstanding, features) except {@code held_minor}, which belongs to its active
 * holds, and its version grows so caches see a newer state. It returns the stored rows, so Redis gets exactly
 * what Postgres holds. Not thread-safe: filled by one thread, then handed over.
 */
final class AccountBatch {
  static final String UPSERT = "INSERT INTO accounts (account_id, region, occupation, monthly_income_minor,"
      + " credit_score, segment, assets_minor, account_opened_at, credit_limit_minor, outstanding_minor,"
      + " held_minor, status, tier, increase_eligible, increase_closed_reasons, feature_schema_version, features,"
      + " version)"
      + " SELECT id, region, occupation, income, score, segment, assets, opened, credit_limit, outstanding, 0,"
      + " status, tier, eligible, closed::text[], $15, features::real[], 1"
      + " FROM unnest($1::text[], $2::text[], $3::text[], $4::int8[], $5::int4[], $6::text[], $7::int8[],"
      + " $8::timestamptz[], $9::int8[], $10::int8[], $11::text[], $12::text[], $13::bool[], $14::text[],"
      + " $16::text[])"
      + " AS t(id, region, occupation, income, score, segment, assets, opened, credit_limit, outstanding, status,"
      + " tier, eligible, closed, features)"
      + " ON CONFLICT (account_id) DO UPDATE SET region = EXCLUDED.region, occupation = EXCLUDED.occupation,"
      + " monthly_income_minor = EXCLUDED.monthly_income_minor, credit_score = EXCLUDED.credit_score,"
      + " segment = EXCLUDED.segment, assets_minor = EXCLUDED.assets_minor,"
      + " account_opened_at = EXCLUDED.account_opened_at, credit_limit_minor = EXCLUDED.credit_limit_minor,"
      + " outstanding_minor = EXCLUDED.outstanding_minor, status = EXCLUDED.status, tier = EXCLUDED.tier,"
      + " increase_eligible = EXCLUDED.increase_eligible,"
      + " increase_closed_reasons = EXCLUDED.increase_closed_reasons,"
      + " feature_schema_version = EXCLUDED.feature_schema_version, features = EXCLUDED.features,"
      + " version = accounts.version + 1, updated_at = now()"
      + " RETURNING " + PgAccountRepository.COLUMNS;

  private final String[] ids;
  private final String[] regions;
  private final String[] occupations;
  private final Long[] incomes;
  private final Integer[] scores;
  private final String[] segments;
  private final Long[] assets;
  private final OffsetDateTime[] opened;
  private final Long[] limits;
  private final Long[] outstanding;
  private final String[] statuses;
  private final String[] tiers;
  private final Boolean[] eligible;
  private final String[] closedReasons;
  private final String[] features;
  private int size;

  AccountBatch(int capacity) {
    ids = new String[capacity];
    regions = new String[capacity];
    occupations = new String[capacity];
    incomes = new Long[capacity];
    scores = new Integer[capacity];
    segments = new String[capacity];
    assets = new Long[capacity];
    opened = new OffsetDateTime[capacity];
    limits = new Long[capacity];
    outstanding = new Long[capacity];
    statuses = new String[capacity];
    tiers = new String[capacity];
    eligible = new Boolean[capacity];
    closedReasons = new String[capacity];
    features = new String[capacity];
  }

  boolean isFull() {
    return size == ids.length;
  }

  int size() {
    return size;
  }

  void add(AccountRecord record) {
    if (isFull()) {
      throw new IllegalStateException("batch is full at " + size);
    }
    AccountProfile p = record.profile();
    CreditState s = record.state();
    ids[size] = record.accountId();
    regions[size] = p.region();
    occupations[size] = p.occupation();
    incomes[size] = p.monthlyIncomeMinor();
    scores[size] = p.creditScore();
    segments[size] = p.segment();
    assets[size] = p.assetsMinor();
    opened[size] = p.accountOpenedAt().atOffset(ZoneOffset.UTC);
    limits[size] = s.creditLimitMinor();
    outstanding[size] = s.outstandingMinor();
    statuses[size] = s.status().name();
    tiers[size] = s.tier();
    eligible[size] = s.increaseEligible();
    closedReasons[size] = arrayLiteral(s);
    features[size] = arrayLiteral(record.features());
    size++;
  }

  /** The parameters of {@link #UPSERT} for the accounts added so far. */
  Tuple tuple() {
    return Tuple.tuple()
        .addArrayOfString(trim(ids)).addArrayOfString(trim(regions)).addArrayOfString(trim(occupations))
        .addArrayOfLong(trim(incomes)).addArrayOfInteger(trim(scores)).addArrayOfString(trim(segments))
        .addArrayOfLong(trim(assets)).addArrayOfOffsetDateTime(trim(opened)).addArrayOfLong(trim(limits))
        .addArrayOfLong(trim(outstanding)).addArrayOfString(trim(statuses)).addArrayOfString(trim(tiers))
        .addArrayOfBoolean(trim(eligible)).addArrayOfString(trim(closedReasons))
        .addInteger(FeatureSchema.VERSION).addArrayOfString(trim(features));
  }

  private <T> T[] trim(T[] column) {
    return size == column.length ? column : java.util.Arrays.copyOf(column, size);
  }

  /** {@code {R301,R302}}: reason names are upper-case identifiers, so no quoting is needed. */
  private static String arrayLiteral(CreditState state) {
    StringJoiner out = new StringJoiner(",", "{", "}");
    for (ReasonCode reason : state.increaseClosedReasons()) {
      out.add(reason.name());
    }
    return out.toString();
  }

  /** {@code {1.0,NaN,2.5E-4}}: Java's float text is valid {@code real} input, NaN included. */
  private static String arrayLiteral(float[] vector) {
    StringBuilder out = new StringBuilder(vector.length * 8).append('{');
    for (int i = 0; i < vector.length; i++) {
      out.append(i == 0 ? "" : ",").append(vector[i]);
    }
    return out.append('}').toString();
  }
}
