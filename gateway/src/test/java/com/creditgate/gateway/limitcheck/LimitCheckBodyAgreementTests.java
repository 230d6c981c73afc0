package com.creditgate.gateway.limitcheck;

import static org.assertj.core.api.Assertions.assertThat;

import com.creditgate.common.money.Money;
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
 * The limit-check body reader ({@link FlatJsonBody}) answers as the Jackson path it replaced did: the same
 * request, or the same 400 (pointer and detail), for valid and nearly valid bodies of every shape.
 */
class LimitCheckBodyAgreementTests {
  private final FlatJsonBody reader = LimitCheckRequest.reader();

  @Property(tries = 4000)
  void flatReaderAnswersAsJacksonDid(@ForAll("bodies") JsonBodies.Body body) {
    Object byJackson = outcome(() -> jacksonParse(JsonBody.of(Buffer.buffer(body.bytes()))));
    Object byReader = outcome(() -> LimitCheckRequest.parse(reader.read(Buffer.buffer(body.bytes()))));
    assertThat(byReader).isEqualTo(byJackson);
    Statistics.collect(byJackson instanceof String error ? error.replaceAll(" must .*| is .*", "") : "request");
  }

  @Provide
  Arbitrary<JsonBodies.Body> bodies() {
    return JsonBodies.bodies(List.of("accountId", "amount", "currency", "orderId", "merchantCategory", "channel"));
  }

  /** The request, or the 400 as status, pointer and detail. */
  private static Object outcome(Supplier<?> parse) {
    try {
      return parse.get();
    } catch (GatewayException.InvalidRequest e) {
      return e.status() + " " + e.code() + " " + e.field() + " " + e.getMessage();
    }
  }

  /** {@code LimitCheckRequest.parse} as it was on the Jackson path, kept as the oracle. */
  private static LimitCheckRequest jacksonParse(JsonBody body) {
    String currency = body.optionalString("currency", Validation.CURRENCY).orElse(Money.DEFAULT_CURRENCY);
    if (!Money.DEFAULT_CURRENCY.equals(currency)) {
      throw JsonBody.invalid("currency", "must be " + Money.DEFAULT_CURRENCY);
    }
    return new LimitCheckRequest(
        body.requiredString("accountId", Validation.ID),
        body.requiredLong("amount", 1, LimitCheckRequest.AMOUNT_MAX_MINOR),
        body.optionalString("orderId", Validation.ID).orElse(null),
        body.optionalString("merchantCategory", Validation.CODE).orElse(null),
        body.optionalString("channel", Validation.CODE).orElse(null));
  }
}
