package com.creditgate.gateway.limitcheck;

import com.creditgate.common.account.CreditFacts;
import com.creditgate.common.reason.ReasonCode;
import com.creditgate.gateway.http.JsonBytes;
import com.creditgate.scoring.decision.Decision;
import io.vertx.core.buffer.Buffer;
import java.util.List;
import java.util.Locale;

/**
 * The limit-check answer written field by field into one {@link Buffer}, without a {@code JsonObject} tree:
 * the field names and every reason's {@code {code, message}} in both languages are encoded once at class load,
 * the variable values go through {@link JsonBytes} (escaped). Same fields, order and number format as the
 * {@code LimitCheckResponse} schema of openapi.json. Stateless.
 */
final class LimitCheckAnswer {
  /**
   * Room for the answers seen: 398 to 640 bytes over 600 random checks in both languages (2026-12-03); a longer
   * one (64-character ids, four long reasons) grows the buffer once. 1 KiB was a seventh of all the bytes a
   * limit-check allocated.
   */
  private static final int INITIAL_BYTES = 768;
  private static final byte[] AVAILABLE = JsonBytes.ascii(",\"available\":");
  private static final byte[] CREDIT_LIMIT = JsonBytes.ascii(",\"creditLimit\":");
  private static final byte[] OUTSTANDING = JsonBytes.ascii(",\"outstanding\":");
  private static final byte[] HELD = JsonBytes.ascii(",\"held\":");
  private static final byte[] STATUS = JsonBytes.ascii(",\"status\":");
  private static final byte[] SCORE = JsonBytes.ascii(",\"score\":");
  private static final byte[] PD = JsonBytes.ascii(",\"pd\":");
  private static final byte[] TIER = JsonBytes.ascii(",\"tier\":");
  private static final byte[] CONSERVATIVE_FIELDS = JsonBytes.ascii(",\"available\":0,\"creditLimit\":null,"
      + "\"outstanding\":null,\"held\":null,\"status\":null,\"score\":null,\"pd\":null,\"tier\":null");
  private static final byte[] OPEN_DECISION_ID = JsonBytes.ascii("{\"decisionId\":");
  private static final byte[] DECISION = JsonBytes.ascii(",\"decision\":");
  private static final byte[] ACCOUNT_ID = JsonBytes.ascii(",\"accountId\":");
  private static final byte[] AMOUNT = JsonBytes.ascii(",\"amount\":");
  private static final byte[] REASONS = JsonBytes.ascii(",\"reasons\":[");
  private static final byte[] REASONS_END_DEGRADED = JsonBytes.ascii("],\"degraded\":");
  private static final byte[] MODEL_VERSION = JsonBytes.ascii(",\"modelVersion\":");
  private static final byte[] POLICY_VERSION = JsonBytes.ascii(",\"policyVersion\":");
  private static final ReasonCode[] CODES = ReasonCode.values();
  private static final byte[][] ENGLISH = encodeReasons(Locale.ENGLISH);
  private static final byte[][] CHINESE = encodeReasons(Locale.SIMPLIFIED_CHINESE);

  private LimitCheckAnswer() {}

  /** A written answer and the decision it carries (for the latency meter). */
  record Written(Decision decision, Buffer body) {}

  /** The answer of a decision taken on the account's {@code state}. */
  static Buffer decided(String decisionId, Decision decision, String accountId, long amountMinor, CreditFacts state,
      int score, double pd, List<ReasonCode> reasons, Locale locale, boolean degraded, String modelVersion,
      String policyVersion) {
    Buffer out = head(decisionId, decision, accountId, amountMinor);
    JsonBytes.number(out.appendBytes(AVAILABLE), state.availableMinor());
    JsonBytes.number(out.appendBytes(CREDIT_LIMIT), state.creditLimitMinor());
    JsonBytes.number(out.appendBytes(OUTSTANDING), state.outstandingMinor());
    JsonBytes.number(out.appendBytes(HELD), state.heldMinor());
    JsonBytes.string(out.appendBytes(STATUS), state.status().name());
    if (Double.isFinite(pd)) {
      JsonBytes.number(out.appendBytes(SCORE), score);
    } else {
      JsonBytes.nullValue(out.appendBytes(SCORE)); // no score from a PD the model could not give (fail closed)
    }
    JsonBytes.number(out.appendBytes(PD), pd);
    JsonBytes.string(out.appendBytes(TIER), state.tier());
    return tail(out, reasons, locale, degraded, modelVersion, policyVersion);
  }

  /** The conservative answer when the account could not be read: account fields {@code null}, available 0. */
  static Buffer conservative(String decisionId, String accountId, long amountMinor, Locale locale,
      String modelVersion, String policyVersion) {
    Buffer out = head(decisionId, Decision.DECLINE, accountId, amountMinor);
    out.appendBytes(CONSERVATIVE_FIELDS);
    return tail(out, List.of(ReasonCode.DEGRADED_CONSERVATIVE), locale, true, modelVersion, policyVersion);
  }

  private static Buffer head(String decisionId, Decision decision, String accountId, long amountMinor) {
    Buffer out = Buffer.buffer(INITIAL_BYTES);
    JsonBytes.string(out.appendBytes(OPEN_DECISION_ID), decisionId);
    JsonBytes.string(out.appendBytes(DECISION), decision.name());
    JsonBytes.string(out.appendBytes(ACCOUNT_ID), accountId);
    return JsonBytes.number(out.appendBytes(AMOUNT), amountMinor);
  }

  private static Buffer tail(Buffer out, List<ReasonCode> reasons, Locale locale, boolean degraded,
      String modelVersion, String policyVersion) {
    byte[][] encoded = "zh".equals(locale.getLanguage()) ? CHINESE : ENGLISH;
    out.appendBytes(REASONS);
    for (int i = 0; i < reasons.size(); i++) {
      if (i > 0) {
        out.appendByte((byte) ',');
      }
      out.appendBytes(encoded[reasons.get(i).ordinal()]);
    }
    JsonBytes.bool(out.appendBytes(REASONS_END_DEGRADED), degraded);
    JsonBytes.string(out.appendBytes(MODEL_VERSION), modelVersion);
    JsonBytes.string(out.appendBytes(POLICY_VERSION), policyVersion);
    return out.appendByte((byte) '}');
  }

  private static byte[][] encodeReasons(Locale locale) {
    byte[][] encoded = new byte[CODES.length][];
    for (ReasonCode code : CODES) {
      Buffer reason = JsonBytes.string(Buffer.buffer().appendString("{\"code\":"), code.code());
      JsonBytes.string(reason.appendString(",\"message\":"), code.message(locale)).appendByte((byte) '}');
      encoded[code.ordinal()] = reason.getBytes();
    }
    return encoded;
  }
}
