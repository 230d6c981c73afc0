package com.creditgate.gateway.http;

import com.creditgate.common.reason.ReasonCode;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Locale;

/** Writes JSON answers and localizes reasons. */
public final class Responses {
  private static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
  private static final CharSequence APPLICATION_JSON = HttpHeaders.createOptimized("application/json");

  private Responses() {}

  /** Ends the exchange with {@code status} and {@code body} as JSON. */
  public static void json(RoutingContext ctx, int status, JsonObject body) {
    ctx.response().setStatusCode(status)
        .putHeader("Content-Type", "application/json")
        .end(body.toBuffer());
  }

  /** Ends the exchange with {@code status} and {@code body}, already JSON. */
  public static void json(RoutingContext ctx, int status, Buffer body) {
    ctx.response().setStatusCode(status)
        .putHeader(HttpHeaders.CONTENT_TYPE, APPLICATION_JSON)
        .end(body);
  }

  /** Chinese when the client's Accept-Language prefers it, otherwise English. */
  public static Locale locale(RoutingContext ctx) {
    String header = ctx.request().getHeader("Accept-Language");
    return header != null && header.trim().regionMatches(true, 0, "zh", 0, 2) ? CHINESE : Locale.ENGLISH;
  }

  /** Reasons as {@code [{code, message}]} in {@code locale}. */
  public static JsonArray reasons(List<ReasonCode> reasons, Locale locale) {
    JsonArray array = new JsonArray();
    for (ReasonCode reason : reasons) {
      array.add(new JsonObject().put("code", reason.code()).put("message", reason.message(locale)));
    }
    return array;
  }
}
