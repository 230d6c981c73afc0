package com.creditgate.gateway.http;

import com.creditgate.gateway.error.GatewayException;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads and validates a JSON request body field by field; every failure is an
 * {@link GatewayException.InvalidRequest} naming the field. Not thread-safe; one per request.
 */
public final class JsonBody {
  private final JsonObject json;

  private JsonBody(JsonObject json) {
    this.json = json;
  }

  /** Parses {@code body}; a missing, non-object or malformed body is a 400. */
  public static JsonBody of(Buffer body) {
    if (body == null || body.length() == 0) {
      throw new GatewayException.InvalidRequest(null, "request body is required");
    }
    try {
      Object value = io.vertx.core.json.Json.decodeValue(body);
      if (value instanceof JsonObject object) {
        return new JsonBody(object);
      }
    } catch (DecodeException e) {
      throw new GatewayException.InvalidRequest(null, "request body is not valid JSON");
    }
    throw new GatewayException.InvalidRequest(null, "request body must be a JSON object");
  }

  /** The underlying object, for fields read generically. */
  public JsonObject json() {
    return json;
  }

  /** A required string matching {@code pattern}. */
  public String requiredString(String field, Pattern pattern) {
    return optionalString(field, pattern).orElseThrow(() -> missing(field));
  }

  /** An optional string matching {@code pattern}. */
  public Optional<String> optionalString(String field, Pattern pattern) {
    Object value = json.getValue(field);
    if (value == null) {
      return absent(field, "must be a string");
    }
    if (!(value instanceof String text)) {
      throw invalid(field, "must be a string");
    }
    if (!pattern.matcher(text).matches()) {
      throw invalid(field, "must match " + pattern.pattern());
    }
    return Optional.of(text);
  }

  /** A required integer in {@code [min, max]}; fractions, strings and overflow are rejected. */
  public long requiredLong(String field, long min, long max) {
    return optionalLong(field, min, max).orElseThrow(() -> missing(field));
  }

  /** An optional integer in {@code [min, max]}. */
  public Optional<Long> optionalLong(String field, long min, long max) {
    Object value = json.getValue(field);
    if (value == null) {
      return absent(field, "must be an integer");
    }
    if (!(value instanceof Integer || value instanceof Long)) {
      throw invalid(field, "must be an integer");
    }
    long number = ((Number) value).longValue();
    if (number < min || number > max) {
      throw invalid(field, "must be between " + min + " and " + max);
    }
    return Optional.of(number);
  }

  /**
   * An absent field; an explicit JSON {@code null} is not absent but a value of the wrong type, as the
   * OpenAPI schemas (no nullable request fields) say: the hand-written parsers must agree with them.
   */
  private <T> Optional<T> absent(String field, String expected) {
    if (json.containsKey(field)) {
      throw invalid(field, expected);
    }
    return Optional.empty();
  }

  /** An optional number in {@code [min, max]} (not money). */
  public Optional<Double> optionalDouble(String field, double min, double max) {
    Object value = json.getValue(field);
    if (value == null) {
      return Optional.empty();
    }
    if (!(value instanceof Number number)) {
      throw invalid(field, "must be a number");
    }
    double d = number.doubleValue();
    if (!(d >= min && d <= max)) {
      throw invalid(field, "must be between " + min + " and " + max);
    }
    return Optional.of(d);
  }

  /** An optional RFC 3339 instant. */
  public Optional<Instant> optionalInstant(String field) {
    Object value = json.getValue(field);
    if (value == null) {
      return Optional.empty();
    }
    if (!(value instanceof String text)) {
      throw invalid(field, "must be an RFC 3339 date-time string");
    }
    try {
      return Optional.of(OffsetDateTime.parse(text).toInstant());
    } catch (DateTimeParseException e) {
      throw invalid(field, "must be an RFC 3339 date-time, e.g. 2026-01-31T09:30:00Z");
    }
  }

  /** An optional nested object. */
  public Optional<JsonObject> optionalObject(String field) {
    Object value = json.getValue(field);
    if (value == null) {
      return Optional.empty();
    }
    if (!(value instanceof JsonObject object)) {
      throw invalid(field, "must be a JSON object");
    }
    return Optional.of(object);
  }

  /** A 400 for {@code field}. */
  public static GatewayException.InvalidRequest invalid(String field, String why) {
    return new GatewayException.InvalidRequest("/" + field, field + " " + why);
  }

  private static GatewayException.InvalidRequest missing(String field) {
    return invalid(field, "is required");
  }
}
