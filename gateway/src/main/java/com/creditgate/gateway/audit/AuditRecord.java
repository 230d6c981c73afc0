package com.creditgate.gateway.audit;

import com.creditgate.common.Check;
import com.creditgate.common.reason.ReasonCode;
import com.creditgate.scoring.decision.Decision;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One limit-check decision as audited: what was asked, what was answered, and on which evidence (feature
 * snapshot, model and policy versions). Compact while it waits in the queue: primitives, the request's own
 * strings and feature array, the decision id as a {@link UUID} (two longs), the decision enum, and the reasons packed into one {@code int} (a byte per code,
 * {@link #REASONS_MAX} at most) — no list, map or JSON tree per record, so a queue surviving a young
 * collection costs little to copy. Immutable; {@code features} is a snapshot no one else writes. A
 * conservative decision taken without the account has score 0, PD {@code NaN} and a vector of missing values.
 *
 * @param orderId the checkout's order the limit-check was for, or {@code null} when the request named none
 * @param merchantCategory the checkout's merchant category, or {@code null}
 * @param channel the checkout's channel, or {@code null}
 * @param accountHashes the account id's two Bloom hashes ({@link AuditBloom#hashes}; 0 without an id), taken when
 *     the record is made: the request has just read the id, so its bytes are in the CPU's cache, while the audit
 *     writer, a batch later, found them in none (two cache misses per record, 1.2 % of the warm gateway's CPU)
 */
public record AuditRecord(
    UUID decisionId,
    String accountId,
    long amountMinor,
    Decision decision,
    int score,
    double pd,
    int reasonsPacked,
    String modelVersion,
    String policyVersion,
    float[] features,
    boolean degraded,
    String clientId,
    long decidedAtMillis,
    String orderId,
    String merchantCategory,
    String channel,
    long accountHashes) {

  /** A record whose account hashes are taken now, from {@code accountId}. */
  public AuditRecord(UUID decisionId, String accountId, long amountMinor, Decision decision, int score, double pd,
      int reasonsPacked, String modelVersion, String policyVersion, float[] features, boolean degraded,
      String clientId, long decidedAtMillis, String orderId, String merchantCategory, String channel) {
    this(decisionId, accountId, amountMinor, decision, score, pd, reasonsPacked, modelVersion, policyVersion, features,
        degraded, clientId, decidedAtMillis, orderId, merchantCategory, channel,
        accountId == null ? 0 : AuditBloom.hashes(accountId));
  }

  /** Reasons one record can carry: a byte each in {@link #reasonsPacked}. */
  public static final int REASONS_MAX = 4;
  private static final ReasonCode[] CODES = ReasonCode.values();

  static {
    Check.that(CODES.length < 255, "reason ordinals must fit a byte, %s codes", CODES.length);
  }

  /** Packs up to {@link #REASONS_MAX} reasons, in order, into an {@code int} (0 = no reason). */
  public static int pack(List<ReasonCode> reasons) {
    if (reasons.size() > REASONS_MAX) {
      throw new IllegalArgumentException("at most " + REASONS_MAX + " audited reasons, got " + reasons.size());
    }
    int packed = 0;
    for (int i = 0; i < reasons.size(); i++) {
      packed |= (reasons.get(i).ordinal() + 1) << (8 * i);
    }
    return packed;
  }

  /** The code of reason {@code index} of {@code packed}, or {@code null} when it has fewer. */
  public static String reasonCode(int packed, int index) {
    int ordinalPlusOne = (packed >>> (8 * index)) & 0xFF;
    return ordinalPlusOne == 0 ? null : CODES[ordinalPlusOne - 1].code();
  }

  /** The record as one structured log line (used when it cannot be written to Postgres). */
  public JsonObject json() {
    JsonArray vector = new JsonArray();
    for (float f : features) {
      vector.add(Float.isNaN(f) ? null : f);
    }
    JsonArray reasons = new JsonArray();
    for (int i = 0; i < REASONS_MAX && reasonCode(reasonsPacked, i) != null; i++) {
      reasons.add(reasonCode(reasonsPacked, i));
    }
    return new JsonObject().put("decisionId", decisionId.toString()).put("accountId", accountId).put("amount", amountMinor)
        .put("decision", decision.name()).put("score", score).put("pd", Double.isNaN(pd) ? null : pd)
        .put("reasons", reasons).put("modelVersion", modelVersion).put("policyVersion", policyVersion)
        .put("features", vector).put("degraded", degraded).put("clientId", clientId)
        .put("decidedAt", Instant.ofEpochMilli(decidedAtMillis).toString())
        .put("orderId", orderId).put("merchantCategory", merchantCategory).put("channel", channel);
  }
}
