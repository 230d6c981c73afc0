package com.creditgate.gateway.http;

import io.netty.handler.codec.http.HttpResponseStatus;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one place that maps a failure to an HTTP answer: RFC 9457 problem+json with a stable code. */
public final class FailureHandler implements Handler<RoutingContext> {
  private static final Logger LOG = LoggerFactory.getLogger(FailureHandler.class);
  private static final String TYPE_BASE = "https://creditgate.dev/problems/";

  @Override
  public void handle(RoutingContext ctx) {
    if (ctx.response().headWritten()) {
      ctx.response().reset();
      return;
    }
    Throwable failure = ctx.failure();
    if (failure instanceof GatewayException e) {
      send(ctx, e);
    } else if (failure instanceof DecodeException) {
      send(ctx, new GatewayException.InvalidRequest(null, "request body is not valid JSON"));
    } else if (failure == null) {
      sendStatus(ctx, ctx.statusCode());
    } else {
      LOG.error("unexpected failure on {} {}", ctx.request().method(), ctx.request().path(), failure);
      write(ctx, 500, "internal-error", "Internal error", "unexpected failure; see server log", null);
    }
  }

  private static void send(RoutingContext ctx, GatewayException e) {
    int status = e.status();
    HttpServerResponse response = ctx.response();
    if (e instanceof GatewayException.RateLimited limited) {
      response.putHeader("Retry-After", Long.toString(limited.retryAfterSeconds()));
    } else if (status == 503) {
      response.putHeader("Retry-After", "1");
    }
    if (status == 401) {
      response.putHeader("WWW-Authenticate", "Bearer");
    }
    String field = e instanceof GatewayException.InvalidRequest invalid ? invalid.field() : null;
    write(ctx, status, e.code(), HttpResponseStatus.valueOf(status).reasonPhrase(), e.getMessage(), field);
  }

  private static void sendStatus(RoutingContext ctx, int status) {
    String code = switch (status) {
      case 404 -> "not-found";
      case 405 -> "method-not-allowed";
      case 413 -> "body-too-large";
      case 415 -> "unsupported-media-type";
      default -> status >= 500 ? "internal-error" : "bad-request";
    };
    String title = HttpResponseStatus.valueOf(status).reasonPhrase();
    write(ctx, status, code, title, title, null);
  }

  private static void write(RoutingContext ctx, int status, String code, String title, String detail,
      String field) {
    JsonObject problem = new JsonObject()
        .put("type", TYPE_BASE + code)
        .put("title", title)
        .put("status", status)
        .put("code", code)
        .put("detail", detail)
        .put("instance", ctx.request().path());
    if (field != null) {
      problem.put("field", field);
    }
    ctx.response().setStatusCode(status)
        .putHeader("Content-Type", "application/problem+json")
        .end(problem.toBuffer());
  }
}
