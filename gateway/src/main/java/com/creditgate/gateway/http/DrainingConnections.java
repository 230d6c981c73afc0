package com.creditgate.gateway.http;

import com.creditgate.gateway.ops.Lifecycle;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/**
 * While the process drains for shutdown, every answer (also of a request that began before) carries {@code Connection: close} and its connection is
 * closed after it: keep-alive clients leave one connection at a time, each after a complete answer, so no
 * request is ever written to a connection the server is about to close. Stateless; thread-safe.
 */
public final class DrainingConnections implements Handler<RoutingContext> {
  private final Lifecycle lifecycle;

  public DrainingConnections(Lifecycle lifecycle) {
    this.lifecycle = lifecycle;
  }

  @Override
  public void handle(RoutingContext ctx) {
    ctx.addHeadersEndHandler(headers -> {
      if (lifecycle.draining()) {
        ctx.response().putHeader("Connection", "close");
      }
    });
    ctx.addEndHandler(ended -> {
      if ("close".equals(ctx.response().headers().get("Connection"))) {
        ctx.request().connection().close();
      }
    });
    ctx.next();
  }
}
