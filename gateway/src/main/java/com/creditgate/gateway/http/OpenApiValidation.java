package com.creditgate.gateway.http;

import com.creditgate.gateway.error.GatewayException;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.json.schema.OutputUnit;
import io.vertx.json.schema.Validator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Validates request bodies against the schemas of the {@link OpenApiDocument}: one handler per operation with
 * a body, mounted after the body handler and before the feature routes. A body that breaks its schema is a
 * 400 problem naming the field as a JSON pointer. Thread-safe (validators are immutable).
 */
public final class OpenApiValidation {
  private static final Pattern REQUIRED_PROPERTY = Pattern.compile("required property \"([^\"]+)\"");

  private OpenApiValidation() {}

  /** Mounts the validators of every operation that is not {@code handWritten}. */
  public static void mount(Router router, OpenApiDocument document) {
    for (OpenApiDocument.Operation operation : document.bodyOperations()) {
      if (!operation.handWritten()) {
        router.route(operation.method(), operation.vertxPath()).handler(handler(operation));
      }
    }
  }

  private static Handler<RoutingContext> handler(OpenApiDocument.Operation operation) {
    return ctx -> {
      Buffer body = ctx.body().buffer();
      if (operation.bodyRequired() || (body != null && body.length() > 0)) {
        check(operation.body(), body);
      }
      ctx.next();
    };
  }

  /** Throws the 400 for the first violation of {@code validator}'s schema by {@code body}. */
  public static void check(Validator validator, Buffer body) {
    if (body == null || body.length() == 0) {
      throw new GatewayException.InvalidRequest(null, "request body is required");
    }
    Object value;
    try {
      value = Json.decodeValue(body);
    } catch (DecodeException e) {
      throw new GatewayException.InvalidRequest(null, "request body is not valid JSON");
    }
    OutputUnit result = validator.validate(value);
    if (!Boolean.TRUE.equals(result.getValid())) {
      throw violation(result.getErrors());
    }
  }

  /** The innermost error (the last one in basic output) as a 400 naming its field. */
  static GatewayException.InvalidRequest violation(List<OutputUnit> errors) {
    if (errors == null || errors.isEmpty()) {
      return new GatewayException.InvalidRequest(null, "request body does not match its schema");
    }
    OutputUnit error = errors.get(errors.size() - 1);
    String field = pointer(error.getInstanceLocation());
    Matcher required = REQUIRED_PROPERTY.matcher(String.valueOf(error.getError()));
    if (required.find()) {
      field = field + "/" + required.group(1);
    }
    String where = field.isEmpty() ? "request body" : field;
    return new GatewayException.InvalidRequest(field.isEmpty() ? null : field, where + ": " + error.getError());
  }

  private static String pointer(String instanceLocation) {
    if (instanceLocation == null) {
      return "";
    }
    return instanceLocation.startsWith("#") ? instanceLocation.substring(1) : instanceLocation;
  }
}
