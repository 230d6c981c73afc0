package com.creditgate.gateway.http;

import com.creditgate.gateway.error.GatewayException;
import io.netty.channel.ChannelPipeline;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.impl.HttpServerConnection;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP server's connection handler that bounds how long a request head may take to arrive
 * ({@code HTTP_HEADER_READ_TIMEOUT_MILLIS}): for the first request of a connection from its accept, for a later
 * one from its first byte; a keep-alive connection waiting for its next request is left to the idle timeout.
 * Past the deadline a client that sent part of a head gets 408 problem+json and the connection closes.
 *
 * <p>Vert.x 5 has no such option, so this is the one class that reaches into its internals: the Netty pipeline of
 * the HTTP/1.x connection ({@code io.vertx.core.http.impl.HttpServerConnection#channelHandlerContext()}), around
 * its {@code httpDecoder} and {@code httpEncoder} ({@link HeadWatch} does the watching). When that shape is not
 * there it logs once and the server runs without the deadline (the idle timeout still applies).
 * docs/design-decisions.md, "The request head has a deadline". One instance per server; called on the
 * connection's event loop.
 */
public final class HeadReadDeadline implements Handler<HttpConnection> {
  static final String DECODER = "httpDecoder";
  static final String ENCODER = "httpEncoder";
  static final String BYTES_HANDLER = "creditgate-head-bytes";
  static final String MESSAGES_HANDLER = "creditgate-head-messages";
  private static final Logger LOG = LoggerFactory.getLogger(HeadReadDeadline.class);
  private static final AtomicBoolean SHAPE_WARNED = new AtomicBoolean();

  private final long deadlineNanos;
  private final byte[] timeoutAnswer;

  public HeadReadDeadline(long deadlineMillis) {
    this.deadlineNanos = TimeUnit.MILLISECONDS.toNanos(deadlineMillis);
    this.timeoutAnswer = timeoutAnswer(deadlineMillis);
  }

  @Override
  public void handle(HttpConnection connection) {
    try {
      if (!(connection instanceof HttpServerConnection internal)
          || !install(internal.channelHandlerContext().pipeline())) {
        warnOnce("no " + DECODER + "/" + ENCODER + " in the pipeline of a " + connection.getClass().getName());
      }
    } catch (RuntimeException | LinkageError unexpected) {
      warnOnce(unexpected.toString());
    }
  }

  /** Puts a {@link HeadWatch} around the HTTP/1.x decoder of {@code pipeline}; false when it has none. */
  boolean install(ChannelPipeline pipeline) {
    if (pipeline.get(DECODER) == null || pipeline.get(ENCODER) == null) {
      return false;
    }
    HeadWatch watch = new HeadWatch(deadlineNanos, timeoutAnswer);
    pipeline.addBefore(DECODER, BYTES_HANDLER, watch);
    pipeline.addAfter(ENCODER, MESSAGES_HANDLER, watch.messages());
    return true;
  }

  private static void warnOnce(String why) {
    if (SHAPE_WARNED.compareAndSet(false, true)) {
      LOG.warn("HTTP_HEADER_READ_TIMEOUT_MILLIS is not applied ({}): Vert.x's connection is not of the expected "
          + "shape; slow request heads are bounded by HTTP_IDLE_TIMEOUT_SECONDS only", why);
    }
  }

  /** The whole 408 answer, status line to body, written as is by {@link HeadWatch}. */
  private static byte[] timeoutAnswer(long deadlineMillis) {
    JsonObject problem = FailureHandler.problem(new GatewayException.RequestTimeout(
        "the request head did not arrive within " + deadlineMillis + " ms"), null, Locale.ENGLISH);
    problem.remove("instance");
    byte[] body = problem.encode().getBytes(StandardCharsets.UTF_8);
    String head = "HTTP/1.1 408 Request Timeout\r\nContent-Type: " + FailureHandler.PROBLEM_JSON
        + "\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n";
    byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
    byte[] answer = new byte[headBytes.length + body.length];
    System.arraycopy(headBytes, 0, answer, 0, headBytes.length);
    System.arraycopy(body, 0, answer, headBytes.length, body.length);
    return answer;
  }
}
