package com.creditgate.loadtest.baseline;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;

/**
 * A bare Vert.x JSON endpoint: {@code POST /baseline/limit-checks} reads the body, parses it as JSON, and
 * answers a JSON object shaped like a limit-check answer built from it. No routing library, no storage, no
 * scoring: what is left is the HTTP and JSON cost the gateway pays too. Any other request is a 404.
 */
final class BaselineVerticle extends VerticleBase {
  static final String PATH = "/baseline/limit-checks";
  private static final int BODY_LIMIT_BYTES = 16_384;
  private final int port;

  BaselineVerticle(int port) {
    this.port = port;
  }

  @Override
  public Future<?> start() {
    HttpServerOptions options = new HttpServerOptions().setPort(port).setTcpNoDelay(true)
        .setCompressionSupported(false);
    return vertx.createHttpServer(options).requestHandler(this::handle).listen();
  }

  private void handle(HttpServerRequest request) {
    if (!PATH.equals(request.path())) {
      request.response().setStatusCode(404).end();
      return;
    }
    request.body()
        .map(BaselineVerticle::answer)
        .onSuccess(answer -> request.response().putHeader("content-type", "application/json").end(answer))
        .onFailure(e -> request.response().setStatusCode(400).end());
  }

  private static Buffer answer(Buffer body) {
    if (body.length() > BODY_LIMIT_BYTES) {
      throw new IllegalArgumentException("body too large");
    }
    JsonObject in = body.toJsonObject();
    long amount = in.getLong("amount");
    return new JsonObject()
        .put("decision", "APPROVE")
        .put("accountId", in.getString("accountId"))
        .put("amount", amount)
        .put("available", 1_000_000L - amount)
        .put("creditLimit", 1_000_000L)
        .put("degraded", false)
        .toBuffer();
  }
}
