package com.creditgate.gateway.holds;

import static org.assertj.core.api.Assertions.assertThat;

import com.creditgate.gateway.error.GatewayException;
import com.creditgate.gateway.http.FlatJsonBody;
import com.creditgate.gateway.http.JsonBody;
import com.creditgate.gateway.http.Validation;
import com.creditgate.gateway.support.JsonBodies;
import io.vertx.core.buffer.Buffer;
import java.util.List;
import java.util.function.Supplier;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * The hold body reader ({@link FlatJsonBody}) answers as the Jackson path it replaced did: the same request, or
 * the same 400 (pointer and detail), for valid and nearly valid bodies of every shape.
 */
class HoldBodyAgreementTests {
  private static final int TTL_DEFAULT_SECONDS = 900;
  private static final int TTL_MAX_SECONDS = 3600;

  private final FlatJsonBody reader = HoldRequest.reader();

  @Property(tries = 3000)
  void flatReaderAnswersAsJacksonDid(@ForAll("bodies") JsonBodies.Body body) {
    Object byJackson = outcome(() -> jacksonParse(JsonBody.of(Buffer.buffer(body.bytes()))));
    Object byReader = outcome(() -> HoldRequest.parse(reader.read(Buffer.buffer(body.bytes())), TTL_DEFAULT_SECONDS,
        TTL_MAX_SECONDS));
    assertThat(byReader).isEqualTo(byJackson);
    Statistics.collect(byJackson instanceof String error ? error.replaceAll(" must .*| is .*", "") : "request");
  }

  @Provide
  Arbitrary<JsonBodies.Body> bodies() {
    return JsonBodies.bodies(List.of("accountId", "amount", "ttlSeconds", "orderId"));
  }

  private static Object outcome(Supplier<?> parse) {
    try {
      return parse.get();
    } catch (GatewayException.InvalidRequest e) {
      return e.status() + " " + e.code() + " " + e.field() + " " + e.getMessage();
    }
  }

  /** {@code HoldRequest.parse} as it was on the Jackson path, kept as the oracle. */
  private static HoldRequest jacksonParse(JsonBody body) {
    return new HoldRequest(
        body.requiredString("accountId", Validation.ID),
        body.requiredLong("amount", 1, HoldRequest.AMOUNT_MAX_MINOR),
        Math.toIntExact(body.optionalLong("ttlSeconds", 1, TTL_MAX_SECONDS).orElse((long) TTL_DEFAULT_SECONDS)),
        body.optionalString("orderId", Validation.ID).orElse(null));
  }
}
