package com.creditgate.gateway.limitcheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.creditgate.gateway.http.OpenApiDocument;
import com.creditgate.gateway.http.OpenApiValidation;
import com.creditgate.gateway.support.SchemaAgreement;
import io.vertx.core.buffer.Buffer;
import io.vertx.json.schema.Validator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The limit-check body keeps a hand-written parser (hot path); these cases pin it to the OpenAPI schema:
 * whatever one rejects the other rejects, naming the same field.
 */
class LimitCheckSchemaAgreementTests {
  private static final Validator SCHEMA = OpenApiDocument.load().operation("checkLimit").body();

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "{\"amount\":5}|/accountId",
      "{\"accountId\":\"a\"}|/amount",
      "{\"accountId\":\"a\",\"amount\":-5}|/amount",
      "{\"accountId\":\"a\",\"amount\":0}|/amount",
      "{\"accountId\":\"a\",\"amount\":10.5}|/amount",
      "{\"accountId\":\"a\",\"amount\":\"5\"}|/amount",
      "{\"accountId\":\"a\",\"amount\":100000000001}|/amount",
      "{\"accountId\":\"a b\",\"amount\":5}|/accountId",
      "{\"accountId\":\"a\",\"amount\":5,\"currency\":\"USD\"}|/currency",
      "{\"accountId\":\"a\",\"amount\":5,\"orderId\":\"\"}|/orderId",
      "{\"accountId\":\"a\",\"amount\":5,\"channel\":\"no spaces\"}|/channel"})
  void handWrittenParserAndSchemaRejectTheSameField(String body, String field) {
    SchemaAgreement.bothRejectNaming(SCHEMA, body,
        () -> LimitCheckRequest.parse(LimitCheckRequest.reader().read(Buffer.buffer(body))), field);
  }

  @Test
  void bothAcceptAFullValidBody() {
    Buffer body = Buffer.buffer("{\"accountId\":\"acc-1\",\"amount\":150000,\"currency\":\"CNY\",\"orderId\":\"o-1\","
        + "\"merchantCategory\":\"5411\",\"channel\":\"APP\"}");
    assertThatCode(() -> OpenApiValidation.check(SCHEMA, body)).doesNotThrowAnyException();
    assertThatCode(() -> LimitCheckRequest.parse(LimitCheckRequest.reader().read(body))).doesNotThrowAnyException();
  }
}
