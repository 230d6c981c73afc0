package com.creditgate.gateway.http;

import io.vertx.ext.web.Router;

/** {@code GET /openapi.json}: the API's OpenAPI 3.1 document, unauthenticated. */
public final class OpenApiRoutes implements RouteModule {
  private final OpenApiDocument document;

  public OpenApiRoutes(OpenApiDocument document) {
    this.document = document;
  }

  @Override
  public void mount(Router router) {
    router.get("/openapi.json").handler(ctx -> ctx.response().putHeader("Content-Type", "application/json")
        .end(document.raw()));
  }
}
