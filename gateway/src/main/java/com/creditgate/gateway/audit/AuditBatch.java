package com.creditgate.gateway.audit;

import com.creditgate.common.Check;
import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.Tuple;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.List;
import java.util.UUID;

/**
 * One batch of audit records as the parameters of a single insert of ONE row: a segment of
 * {@code decision_audit_segments} (V013) holding the batch's columns as arrays. A column array per field (the
 * reasons as {@link AuditRecord#REASONS_MAX} arrays, one per slot, null where a row has fewer), every feature
 * snapshot in one {@code bytea} (float4 big-endian, the {@code float4send} layout; NaN = missing) sliced per row by
 * offset, and the segment's first and last decision time and the lowest and highest decision id (unsigned, as
 * Postgres orders {@code uuid}) for its time partition and its id span, and the Bloom filter of its accounts
 * ({@link AuditBloom}, V014). Postgres stores the arrays as they come, out of line and uncompressed: one tuple and
 * one GiST entry (the account index is built once the day is over), instead of a tuple and two btree entries per
 * decision (0.17–0.27 against 0.59–0.72 CPU-s per 60 000 decisions with V013's per-segment account index,
 * tools/audit-insert-bench; BENCHMARKS.md, "Decision log as segments", "Account index for finished days"). The view {@code decision_audit} unpacks segments into the rows
 * this writer used to insert. One statement and one round trip per batch, whatever its size. Ids go as a binary
 * {@code uuid[]} (16 bytes each, no text to parse), times as epoch milliseconds.
 */
final class AuditBatch {
  static final String INSERT = "INSERT INTO decision_audit_segments (decided_from, decided_to, id_span,"
      + " decision_count, decision_ids, account_ids, amounts_minor, decisions, scores, pds, reasons_1, reasons_2,"
      + " reasons_3, reasons_4, model_versions, policy_versions, features, feature_offsets, feature_lengths,"
      + " degraded, client_ids, decided_millis, order_ids, merchant_categories, channels, account_bloom)"
      + " VALUES (to_timestamp($22::int8 / 1000.0::float8), to_timestamp($23::int8 / 1000.0::float8),"
      + " decision_audit_id_span($24::uuid, $25::uuid, '[]'), cardinality($1::uuid[]), $1::uuid[], $2::text[],"
      + " $3::bigint[], $4::text[], $5::int[], $6::float8[], $7::text[], $8::text[], $9::text[], $10::text[],"
      + " $11::text[], $12::text[], $13::bytea, $14::int[], $15::int[], $16::bool[], $17::text[], $18::bigint[],"
      + " $19::text[], $20::text[], $21::text[], $26::bytea)";

  /** Writes a float into a byte[] big-endian, as {@code float4send} does (raw bits: a NaN stays the NaN it was). */
  private static final VarHandle FLOAT_BE = MethodHandles.byteArrayViewVarHandle(float[].class, ByteOrder.BIG_ENDIAN);

  static {
    Check.that(AuditRecord.REASONS_MAX == 4, "INSERT has 4 reason columns, records carry %s", AuditRecord.REASONS_MAX);
  }

  private AuditBatch() {}

  /** The parameters of {@link #INSERT} for {@code records}. */
  static Tuple tuple(List<AuditRecord> records) {
    int rows = records.size();
    UUID[] ids = new UUID[rows];
    String[] accounts = new String[rows];
    Long[] amounts = new Long[rows];
    String[] decisions = new String[rows];
    Integer[] scores = new Integer[rows];
    Double[] pds = new Double[rows];
    String[][] reasons = new String[AuditRecord.REASONS_MAX][rows];
    String[] models = new String[rows];
    String[] policies = new String[rows];
    Integer[] offsets = new Integer[rows];
    Integer[] lengths = new Integer[rows];
    Boolean[] degraded = new Boolean[rows];
    String[] clients = new String[rows];
    Long[] millis = new Long[rows];
    String[] orders = new String[rows];
    String[] categories = new String[rows];
    String[] channels = new String[rows];
    long[] accountHashes = new long[rows];
    int hashed = 0;
    int featureBytes = 0;
    for (AuditRecord r : records) {
      featureBytes += r.features().length * Float.BYTES;
    }
    // one array sized up front and filled in place: appending float by float to a Buffer checked (and at times
    // grew) its capacity per value, 1.3 % of the warm gateway's CPU in a profile
    byte[] features = new byte[featureBytes];
    int featureEnd = 0;
    long fromMillis = Long.MAX_VALUE;
    long toMillis = Long.MIN_VALUE;
    UUID lowestId = records.get(0).decisionId();
    UUID highestId = lowestId;
    for (int row = 0; row < rows; row++) {
      AuditRecord r = records.get(row);
      fromMillis = Math.min(fromMillis, r.decidedAtMillis());
      toMillis = Math.max(toMillis, r.decidedAtMillis());
      if (compareUnsigned(r.decisionId(), lowestId) < 0) {
        lowestId = r.decisionId();
      }
      if (compareUnsigned(r.decisionId(), highestId) > 0) {
        highestId = r.decisionId();
      }
      ids[row] = r.decisionId();
      accounts[row] = r.accountId();
      if (r.accountId() != null) {
        accountHashes[hashed++] = r.accountHashes();
      }
      amounts[row] = r.amountMinor();
      decisions[row] = r.decision().name();
      scores[row] = r.score();
      pds[row] = r.pd();
      for (int slot = 0; slot < AuditRecord.REASONS_MAX; slot++) {
        reasons[slot][row] = AuditRecord.reasonCode(r.reasonsPacked(), slot);
      }
      models[row] = r.modelVersion();
      policies[row] = r.policyVersion();
      offsets[row] = featureEnd;
      for (float f : r.features()) {
        FLOAT_BE.set(features, featureEnd, f);
        featureEnd += Float.BYTES;
      }
      lengths[row] = featureEnd - offsets[row];
      degraded[row] = r.degraded();
      clients[row] = r.clientId();
      millis[row] = r.decidedAtMillis();
      orders[row] = r.orderId();
      categories[row] = r.merchantCategory();
      channels[row] = r.channel();
    }
    return Tuple.tuple().addArrayOfUUID(ids).addArrayOfString(accounts).addArrayOfLong(amounts)
        .addArrayOfString(decisions).addArrayOfInteger(scores).addArrayOfDouble(pds).addArrayOfString(reasons[0])
        .addArrayOfString(reasons[1]).addArrayOfString(reasons[2]).addArrayOfString(reasons[3])
        .addArrayOfString(models).addArrayOfString(policies).addBuffer(Buffer.buffer(features))
        .addArrayOfInteger(offsets).addArrayOfInteger(lengths).addArrayOfBoolean(degraded).addArrayOfString(clients)
        .addArrayOfLong(millis)
        .addArrayOfString(orders).addArrayOfString(categories).addArrayOfString(channels)
        .addLong(fromMillis).addLong(toMillis).addUUID(lowestId).addUUID(highestId)
        .addBuffer(Buffer.buffer(AuditBloom.ofHashes(accountHashes, hashed, rows)));
  }

  /**
   * Orders ids as Postgres orders {@code uuid}: bytewise, unsigned ({@link UUID#compareTo} compares the halves
   * signed, which puts ids with the top bit set first).
   */
  static int compareUnsigned(UUID a, UUID b) {
    int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
    return high != 0 ? high : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
  }

  /** Decodes a {@code features} column value back into the snapshot (NaN = missing). */
  static float[] decodeFeatures(Buffer bytes) {
    float[] features = new float[bytes.length() / Float.BYTES];
    for (int i = 0; i < features.length; i++) {
      features[i] = bytes.getFloat(i * Float.BYTES);
    }
    return features;
  }
}
