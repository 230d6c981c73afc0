package com.creditgate.gateway.http;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerRequest;
import java.util.HashMap;
import java.util.Map;

/**
 * Closes a connection that has not delivered a complete request head within
 * {@code HTTP_REQUEST_HEAD_TIMEOUT_MILLIS} of being accepted (slowloris: a client that opens connections and
 * trickles header bytes to hold them). Between requests on a keep-alive connection the server's idle timeout
 * ({@code HTTP_IDLE_TIMEOUT_SECONDS}) applies instead. One instance per HTTP server, confined to its event loop.
 */
final class SlowClientGuard {
  private final Vertx vertx;
  private final long headTimeoutMillis;
  private final Map<HttpConnection, Long> awaitingHead = new HashMap<>();

  SlowClientGuard(Vertx vertx, long headTimeoutMillis) {
    this.vertx = vertx;
    this.headTimeoutMillis = headTimeoutMillis;
  }

  /** A new connection: its first request head is due within the timeout. */
  void accepted(HttpConnection connection) {
    long timer = vertx.setTimer(headTimeoutMillis, id -> {
      awaitingHead.remove(connection);
      connection.close();
    });
    awaitingHead.put(connection, timer);
    connection.closeHandler(closed -> cancel(connection));
  }

  /** A request head arrived complete on its connection. */
  void headReceived(HttpServerRequest request) {
    cancel(request.connection());
  }

  private void cancel(HttpConnection connection) {
    Long timer = awaitingHead.remove(connection);
    if (timer != null) {
      vertx.cancelTimer(timer);
    }
  }
}
