package com.creditgate.gateway.holds;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The hand-written hold answer is the JSON the {@code JsonObject} tree used to produce: same fields, values and
 * order, strings escaped, {@code expiresAt} as {@link Instant#toString} writes it at every precision.
 */
class HoldAnswerTests {
  private static String tree(String accountId, Instant expiresAt, String orderId) {
    return new JsonObject().put("holdId", "hld_0190f3a2b4c67d8e9f00112233445566").put("decision", "APPROVE")
        .put("accountId", accountId).put("amount", 100_000L).put("available", 4_899_900L)
        .put("expiresAt", expiresAt.toString()).put("orderId", orderId).encode();
  }

  private static String written(String accountId, Instant expiresAt, String orderId) {
    return HoldAnswer.placed("hld_0190f3a2b4c67d8e9f00112233445566", accountId, 100_000, 4_899_900, expiresAt,
        orderId).toString();
  }

  @Test
  void aHoldWithAnOrderIdIsByteForByteTheTree() {
    Instant expiresAt = Instant.parse("2026-12-03T14:45:49.123456Z");
    assertThat(written("acc-000001", expiresAt, "order-42")).isEqualTo(tree("acc-000001", expiresAt, "order-42"));
  }

  @Test
  void aHoldWithoutAnOrderIdWritesNullAsTheTreeDid() {
    Instant expiresAt = Instant.parse("2026-12-03T14:45:49Z");
    String written = written("acc-000001", expiresAt, null);
    assertThat(written).isEqualTo(tree("acc-000001", expiresAt, null));
    assertThat(new JsonObject(written).containsKey("orderId")).isTrue();
  }

  @Test
  void expiresAtKeepsEveryPrecisionOfTheClock() {
    for (String at : new String[] {"2026-12-03T14:45:49Z", "2026-12-03T14:45:49.100Z", "2026-12-03T14:45:49.000001Z",
        "2026-12-03T14:45:49.123456789Z", "+10000-01-01T00:00:00Z"}) {
      Instant expiresAt = Instant.parse(at);
      assertThat(written("acc-1", expiresAt, null)).isEqualTo(tree("acc-1", expiresAt, null));
    }
  }

  @Test
  void stringsAreEscapedAsJacksonEscapesThem() {
    Instant expiresAt = Instant.parse("2026-12-03T14:45:49.5Z");
    String odd = "a\"b\\c\u0001d\u00e9\u4e2d\ud83d\ude00";
    assertThat(written(odd, expiresAt, odd)).isEqualTo(tree(odd, expiresAt, odd));
  }

  @Test
  void aLongAnswerGrowsItsBuffer() {
    String id = "a".repeat(64);
    Instant expiresAt = Instant.parse("2026-12-03T14:45:49.123456789Z");
    assertThat(written(id + id, expiresAt, id + id)).isEqualTo(tree(id + id, expiresAt, id + id));
  }
}
