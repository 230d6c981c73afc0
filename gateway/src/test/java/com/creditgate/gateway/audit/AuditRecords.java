package com.creditgate.gateway.audit;

import com.creditgate.common.reason.ReasonCode;
import com.creditgate.scoring.decision.Decision;
import com.creditgate.scoring.feature.FeatureSchema;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/** Audit records for tests that feed the log directly. */
final class AuditRecords {
  private AuditRecords() {}

  /** The decision id of the record named {@code name}: a name-based UUID, the same for the same name. */
  static UUID id(String name) {
    return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
  }

  /** A declined decision named {@code name} (id, account and order derived from it) with two reasons and a full feature vector (one value missing). */
  static AuditRecord sample(String name, long decidedAtMillis) {
    float[] features = new float[24];
    for (int i = 0; i < features.length; i++) {
      features[i] = i * 1.5f - 3;
    }
    features[7] = Float.NaN;
    return new AuditRecord(id(name), "acct-" + name, 12_345, Decision.DECLINE, 612, 0.0731,
        AuditRecord.pack(List.of(ReasonCode.INSUFFICIENT_AVAILABLE_CREDIT, ReasonCode.LOW_CREDIT_SCORE)),
        "model-v1", "policy-v1", features, false, "demo", decidedAtMillis, "order-" + name, "5411", "APP");
  }

  /** A conservative decision: no account, PD NaN, every feature missing. */
  static AuditRecord conservative(String name, long decidedAtMillis) {
    return new AuditRecord(id(name), "acct-" + name, 500, Decision.DECLINE, 0, Double.NaN,
        AuditRecord.pack(List.of(ReasonCode.DEGRADED_CONSERVATIVE)), "model-v1", "policy-v1",
        FeatureSchema.missingVector(), true, "demo", decidedAtMillis, null, null, null);
  }
}
