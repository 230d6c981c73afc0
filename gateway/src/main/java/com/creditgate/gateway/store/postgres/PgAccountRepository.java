package com.creditgate.gateway.store.postgres;

import com.creditgate.common.account.AccountProfile;
import com.creditgate.common.account.AccountStatus;
import com.creditgate.common.account.CreditState;
import com.creditgate.common.reason.ReasonCode;
import com.creditgate.gateway.store.AccountNotFound;
import com.creditgate.gateway.store.AccountRecord;
import com.creditgate.gateway.store.CanonicalText;
import com.creditgate.scoring.feature.FeatureSchema;
import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Accounts in Postgres, the source of truth. Reads one row per account; the profile write is a single
 * conditional upsert guarded by the version, and never touches the money columns (outstanding, held),
 * which only atomic money statements change. Thread-safe as the pool is.
 */
public final class PgAccountRepository {
  /** Columns {@link #map} reads. */
  public static final String COLUMNS = "account_id, region, occupation, monthly_income_minor, credit_score, segment, "
      + "assets_minor, account_opened_at, credit_limit_minor, outstanding_minor, held_minor, status, tier, "
      + "increase_eligible, increase_closed_reasons, feature_schema_version, features, version";

  private static final String SELECT = "SELECT " + COLUMNS + " FROM accounts WHERE account_id = $1";

  private static final String UPSERT = "INSERT INTO accounts (account_id, region, occupation, "
      + "monthly_income_minor, credit_score, segment, assets_minor, account_opened_at, credit_limit_minor, "
      + "outstanding_minor, held_minor, status, tier, increase_eligible, increase_closed_reasons, "
      + "feature_schema_version, features, version) "
      + "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18) "
      + "ON CONFLICT (account_id) DO UPDATE SET region = EXCLUDED.region, occupation = EXCLUDED.occupation, "
      + "monthly_income_minor = EXCLUDED.monthly_income_minor, credit_score = EXCLUDED.credit_score, "
      + "segment = EXCLUDED.segment, assets_minor = EXCLUDED.assets_minor, "
      + "account_opened_at = EXCLUDED.account_opened_at, credit_limit_minor = EXCLUDED.credit_limit_minor, "
      + "status = EXCLUDED.status, tier = EXCLUDED.tier, increase_eligible = EXCLUDED.increase_eligible, "
      + "increase_closed_reasons = EXCLUDED.increase_closed_reasons, "
      + "feature_schema_version = EXCLUDED.feature_schema_version, features = EXCLUDED.features, "
      + "version = EXCLUDED.version, updated_at = now() "
      + "WHERE accounts.version = EXCLUDED.version - 1 "
      + "RETURNING " + COLUMNS;

  private final SqlClient pool;

  /** On a pool, or on one connection (inside a transaction). */
  public PgAccountRepository(SqlClient pool) {
    this.pool = pool;
  }

  /** The account, or a failed future with the 404 failure. */
  public Future<AccountRecord> get(String accountId) {
    return pool.preparedQuery(SELECT).execute(Tuple.of(accountId))
        .map(rows -> single(rows, accountId));
  }

  /** Conditional upsert: succeeds only when the stored version is {@code expectedVersion} (0: absent). */
  public Future<AccountRecord> save(AccountRecord record, long expectedVersion) {
    return pool.preparedQuery(UPSERT).execute(upsertTuple(record, expectedVersion + 1))
        .compose(rows -> rows.size() == 1
            ? Future.succeededFuture(map(rows.iterator().next()))
            : Future.failedFuture(AccountNotFound.concurrentUpdate(record.accountId())));
  }

  /** A trivial round trip, for readiness. */
  public Future<Void> ping() {
    return pool.query("SELECT 1").execute().mapEmpty();
  }

  private static AccountRecord single(RowSet<Row> rows, String accountId) {
    if (rows.size() == 0) {
      throw AccountNotFound.of(accountId);
    }
    return map(rows.iterator().next());
  }

  private static Tuple upsertTuple(AccountRecord record, long newVersion) {
    AccountProfile p = record.profile();
    CreditState s = record.state();
    return Tuple.tuple()
        .addString(record.accountId()).addString(p.region()).addString(p.occupation())
        .addLong(p.monthlyIncomeMinor()).addInteger(p.creditScore()).addString(p.segment())
        .addLong(p.assetsMinor()).addOffsetDateTime(p.accountOpenedAt().atOffset(ZoneOffset.UTC))
        .addLong(s.creditLimitMinor()).addLong(s.outstandingMinor()).addLong(s.heldMinor())
        .addString(s.status().name()).addString(s.tier()).addBoolean(s.increaseEligible())
        .addArrayOfString(s.increaseClosedReasons().stream().map(ReasonCode::name).toArray(String[]::new))
        .addInteger(FeatureSchema.VERSION).addArrayOfFloat(boxed(record.features()))
        .addLong(newVersion);
  }

  /** Maps a row selected with {@link #COLUMNS}. */
  public static AccountRecord map(Row row) {
    AccountProfile profile = new AccountProfile(code(row, "region"), code(row, "occupation"),
        row.getLong("monthly_income_minor"), row.getInteger("credit_score"), code(row, "segment"),
        row.getLong("assets_minor"), row.getOffsetDateTime("account_opened_at").toInstant());
    List<ReasonCode> closed = new ArrayList<>();
    for (String name : row.getArrayOfStrings("increase_closed_reasons")) {
      closed.add(ReasonCode.valueOf(name));
    }
    CreditState state = new CreditState(row.getLong("credit_limit_minor"), row.getLong("outstanding_minor"),
        row.getLong("held_minor"), AccountStatus.valueOf(row.getString("status")), code(row, "tier"),
        row.getBoolean("increase_eligible"), closed, row.getLong("version"));
    return new AccountRecord(row.getString("account_id"), profile, state, features(row));
  }

  private static String code(Row row, String column) {
    return CanonicalText.of(row.getString(column));
  }

  private static float[] features(Row row) {
    Float[] stored = row.getArrayOfFloats("features");
    float[] features = FeatureSchema.missingVector();
    for (int i = 0; i < Math.min(stored.length, features.length); i++) {
      features[i] = stored[i] == null ? Float.NaN : stored[i];
    }
    return features;
  }

  /** The vector as the {@code real[]} parameter of a statement. */
  public static Float[] boxed(float[] features) {
    Float[] boxed = new Float[features.length];
    for (int i = 0; i < features.length; i++) {
      boxed[i] = features[i];
    }
    return boxed;
  }
}
