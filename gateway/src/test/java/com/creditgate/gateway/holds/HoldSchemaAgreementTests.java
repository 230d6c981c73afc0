package com.creditgate.gateway.holds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.creditgate.gateway.error.GatewayException;
import com.creditgate.gateway.http.OpenApiDocument;
import com.creditgate.gateway.http.OpenApiValidation;
import com.creditgate.gateway.support.SchemaAgreement;
import io.vertx.core.buffer.Buffer;
import io.vertx.json.schema.Validator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The hold and capture bodies keep hand-written parsers (money writes should not pay for a schema walk); these
 * cases pin them to the OpenAPI schemas: whatever the schema rejects the parser rejects, naming the same field.
 */
class HoldSchemaAgreementTests {
  private static final OpenApiDocument DOCUMENT = OpenApiDocument.load();
  private static final Validator HOLD = DOCUMENT.operation("createHold").body();
  private static final Validator CAPTURE = DOCUMENT.operation("captureHold").body();
  private static final int TTL_MAX = 86_400;

  @Test
  void bothOperationsAreMarkedHandWrittenSoTheSchemaWalkIsNotMounted() {
    assertThat(DOCUMENT.operation("createHold").handWritten()).isTrue();
    assertThat(DOCUMENT.operation("captureHold").handWritten()).isTrue();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "{\"amount\":5}|/accountId",
      "{\"accountId\":\"a\"}|/amount",
      "{\"accountId\":null,\"amount\":5}|/accountId",
      "{\"accountId\":\"a\",\"amount\":null}|/amount",
      "{\"accountId\":\"a\",\"amount\":-5}|/amount",
      "{\"accountId\":\"a\",\"amount\":0}|/amount",
      "{\"accountId\":\"a\",\"amount\":10.5}|/amount",
      "{\"accountId\":\"a\",\"amount\":\"5\"}|/amount",
      "{\"accountId\":\"a\",\"amount\":100000000001}|/amount",
      "{\"accountId\":\"a b\",\"amount\":5}|/accountId",
      "{\"accountId\":7,\"amount\":5}|/accountId",
      "{\"accountId\":\"a\",\"amount\":5,\"ttlSeconds\":0}|/ttlSeconds",
      "{\"accountId\":\"a\",\"amount\":5,\"ttlSeconds\":1.5}|/ttlSeconds",
      "{\"accountId\":\"a\",\"amount\":5,\"ttlSeconds\":null}|/ttlSeconds",
      "{\"accountId\":\"a\",\"amount\":5,\"orderId\":\"\"}|/orderId",
      "{\"accountId\":\"a\",\"amount\":5,\"orderId\":null}|/orderId",
      "{\"accountId\":\"a\",\"amount\":5,\"orderId\":\"no spaces\"}|/orderId"})
  void holdParserAndSchemaRejectTheSameField(String body, String field) {
    SchemaAgreement.bothRejectNaming(HOLD, body,
        () -> HoldRequest.parse(HoldRequest.reader().read(Buffer.buffer(body)), 900, TTL_MAX), field);
  }

  @ParameterizedTest
  @ValueSource(strings = {"[]", "\"a\"", "7", "{", "{\"accountId\":\"a\",\"amount\":5", "null"})
  void bodiesThatAreNoObjectAreRejectedByBoth(String body) {
    assertThat(catchThrowableOfType(GatewayException.InvalidRequest.class,
        () -> OpenApiValidation.check(HOLD, Buffer.buffer(body)))).as("schema").isNotNull();
    assertThat(catchThrowableOfType(GatewayException.InvalidRequest.class,
        () -> HoldRequest.parse(HoldRequest.reader().read(Buffer.buffer(body)), 900, TTL_MAX)))
        .as("parser").isNotNull();
  }

  @Test
  void bothAcceptAFullValidHold() {
    Buffer body = Buffer.buffer("{\"accountId\":\"acc-1\",\"amount\":150000,\"ttlSeconds\":60,\"orderId\":\"o-1\"}");
    assertThatCode(() -> OpenApiValidation.check(HOLD, body)).doesNotThrowAnyException();
    assertThat(HoldRequest.parse(HoldRequest.reader().read(body), 900, TTL_MAX))
        .isEqualTo(new HoldRequest("acc-1", 150_000, 60, "o-1"));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "{\"amount\":0}|/amount",
      "{\"amount\":-1}|/amount",
      "{\"amount\":2.5}|/amount",
      "{\"amount\":\"5\"}|/amount",
      "{\"amount\":null}|/amount",
      "{\"amount\":100000000001}|/amount"})
  void captureParserAndSchemaRejectTheSameField(String body, String field) {
    SchemaAgreement.bothRejectNaming(CAPTURE, body, () -> HoldRoutes.captureAmount(Buffer.buffer(body)), field);
  }

  @Test
  void captureAcceptsNoBodyAnEmptyObjectAndAnAmount() {
    assertThat(HoldRoutes.captureAmount(null)).isNull();
    assertThat(HoldRoutes.captureAmount(Buffer.buffer())).isNull();
    assertThat(HoldRoutes.captureAmount(Buffer.buffer("{}"))).isNull();
    assertThat(HoldRoutes.captureAmount(Buffer.buffer("{\"amount\":40}"))).isEqualTo(40L);
    assertThatCode(() -> OpenApiValidation.check(CAPTURE, Buffer.buffer("{\"amount\":40}")))
        .doesNotThrowAnyException();
  }
}
