package com.creditgate.gateway.events;

import com.creditgate.gateway.http.JsonBody;
import com.creditgate.gateway.http.Validation;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;

/**
 * A validated {@code POST /v1/accounts/{id}/events} body: {@code {eventId, type, amount?, occurredAt,
 * attributes?}}. Type-specific attributes are checked when the event is applied.
 */
record AccountEvent(String eventId, EventType type, Long amountMinor, Instant occurredAt, JsonObject attributes) {
  static final long AMOUNT_MAX_MINOR = 100_000_000_000L;

  static AccountEvent parse(JsonBody body) {
    String eventId = body.requiredString("eventId", Validation.ID);
    String typeName = body.requiredString("type", Validation.CODE);
    EventType type;
    try {
      type = EventType.valueOf(typeName.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw JsonBody.invalid("type", "must be one of " + Arrays.toString(EventType.values()));
    }
    Long amount = body.optionalLong("amount", type == EventType.ASSET_UPDATE ? 0 : 1, AMOUNT_MAX_MINOR)
        .orElse(null);
    if (type.amountRequired() && amount == null) {
      throw JsonBody.invalid("amount", "is required for " + type);
    }
    Instant occurredAt = body.optionalInstant("occurredAt")
        .orElseThrow(() -> JsonBody.invalid("occurredAt", "is required"));
    JsonObject attributes = body.optionalObject("attributes").orElse(new JsonObject());
    return new AccountEvent(eventId, type, amount, occurredAt, attributes);
  }
}
