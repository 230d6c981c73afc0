package com.creditgate.gateway.http;

import io.vertx.ext.web.Router;

/** A feature's routes, mounted by the API verticle. */
public interface RouteModule {
  /** Adds this feature's routes to {@code router}; authentication is already in place. */
  void mount(Router router);
}
