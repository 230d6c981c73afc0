package com.creditgate.gateway.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.creditgate.gateway.error.GatewayException;
import com.creditgate.gateway.http.OpenApiValidation;
import io.vertx.core.buffer.Buffer;
import io.vertx.json.schema.Validator;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** For hand-written body parsers pinned to their OpenAPI schema: both reject a body, naming the same field. */
public final class SchemaAgreement {
  private SchemaAgreement() {}

  /** {@code schema} and {@code parser} (parsing {@code body}) both reject it with a 400 naming {@code field}. */
  public static void bothRejectNaming(Validator schema, String body, ThrowingCallable parser, String field) {
    GatewayException.InvalidRequest bySchema = catchThrowableOfType(GatewayException.InvalidRequest.class,
        () -> OpenApiValidation.check(schema, Buffer.buffer(body)));
    GatewayException.InvalidRequest byParser = catchThrowableOfType(GatewayException.InvalidRequest.class, parser);
    assertThat(bySchema).as("schema").isNotNull();
    assertThat(byParser).as("parser").isNotNull();
    assertThat(bySchema.field()).isEqualTo(field);
    assertThat(byParser.field()).isEqualTo(field);
  }
}
