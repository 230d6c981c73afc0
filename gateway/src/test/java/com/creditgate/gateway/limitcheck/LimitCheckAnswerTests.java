package com.creditgate.gateway.limitcheck;

import static org.assertj.core.api.Assertions.assertThat;

import com.creditgate.common.account.AccountStatus;
import com.creditgate.common.account.CreditState;
import com.creditgate.common.reason.ReasonCode;
import com.creditgate.gateway.http.Responses;
import com.creditgate.scoring.decision.Decision;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The hand-written limit-check answer is the JSON the {@code JsonObject} tree used to produce: same fields,
 * values and order, reasons localized and escaped in both languages.
 */
class LimitCheckAnswerTests {
  private static final CreditState STATE = new CreditState(500_000, 120_000, 30_000, AccountStatus.ACTIVE, "B",
      true, List.of(), 3);
  private static final List<ReasonCode> REASONS = List.of(ReasonCode.INSUFFICIENT_AVAILABLE_CREDIT,
      ReasonCode.DEGRADED_CONSERVATIVE, ReasonCode.LOW_CREDIT_SCORE);

  private static JsonObject tree(Locale locale, String accountId) {
    return new JsonObject().put("decisionId", "d-1").put("decision", "DECLINE").put("accountId", accountId)
        .put("amount", 400_000L).put("available", STATE.availableMinor()).put("creditLimit", 500_000L)
        .put("outstanding", 120_000L).put("held", 30_000L).put("status", "ACTIVE").put("score", 612)
        .put("pd", 0.018785327993873224).put("tier", "B").put("reasons", Responses.reasons(REASONS, locale))
        .put("degraded", false).put("modelVersion", "model \"v1\"").put("policyVersion", "policy\\v1");
  }

  private static String written(Locale locale, String accountId) {
    return LimitCheckAnswer.decided("d-1", Decision.DECLINE, accountId, 400_000, STATE, 612, 0.018785327993873224,
        REASONS, locale, false, "model \"v1\"", "policy\\v1").toString();
  }

  @Test
  void decidedAnswerIsByteForByteTheTreeInEnglish() {
    assertThat(written(Locale.ENGLISH, "acct-1")).isEqualTo(tree(Locale.ENGLISH, "acct-1").encode());
  }

  @Test
  void decidedAnswerIsByteForByteTheTreeInChinese() {
    String written = written(Locale.SIMPLIFIED_CHINESE, "acct-1");
    assertThat(written).isEqualTo(tree(Locale.SIMPLIFIED_CHINESE, "acct-1").encode());
    assertThat(new JsonObject(written).getJsonArray("reasons").getJsonObject(1).getString("message"))
        .isEqualTo("账户数据暂不可用,已采用保守决策");
  }

  @Test
  void accountIdsWithQuotesAndControlCharactersAreEscaped() {
    String accountId = "a\"b\\c\nd\u0001中";
    assertThat(new JsonObject(written(Locale.ENGLISH, accountId)).getString("accountId")).isEqualTo(accountId);
  }

  @Test
  void conservativeAnswerHasNullAccountFieldsAndNoAvailableCredit() {
    String written = LimitCheckAnswer.conservative("d-2", "acct-2", 900, Locale.SIMPLIFIED_CHINESE, "m", "p")
        .toString();
    JsonObject expected = new JsonObject().put("decisionId", "d-2").put("decision", "DECLINE")
        .put("accountId", "acct-2").put("amount", 900L).put("available", 0L).putNull("creditLimit")
        .putNull("outstanding").putNull("held").putNull("status").putNull("score").putNull("pd").putNull("tier")
        .put("reasons", Responses.reasons(List.of(ReasonCode.DEGRADED_CONSERVATIVE), Locale.SIMPLIFIED_CHINESE))
        .put("degraded", true).put("modelVersion", "m").put("policyVersion", "p");
    assertThat(written).isEqualTo(expected.encode());
  }
}
