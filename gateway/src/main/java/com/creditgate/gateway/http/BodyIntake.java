package com.creditgate.gateway.http;

import com.creditgate.gateway.error.GatewayException;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.Locale;

/**
 * Reads request bodies within bounds of size and time. The API speaks JSON only: a form or multipart body is
 * 415, read and discarded, never decoded (Netty's form decoder fails on long fields and on GETs); GET and HEAD
 * read no body. A body must arrive within {@code HTTP_REQUEST_BODY_TIMEOUT_MILLIS} of its head, else 408 and the
 * connection closes, so a client trickling a body cannot hold a connection and a buffer forever. One instance per
 * verticle, used on its event loop.
 */
public final class BodyIntake implements Handler<RoutingContext> {
  /**
   * A client body that declares at most this many bytes gets a buffer of exactly its declared length; others
   * start at Vert.x's 1 KiB and grow as bytes arrive. The hot-path bodies are about 60 bytes: a 1 KiB buffer
   * for each was an eighth of all the bytes a limit-check allocated. Bounded, so a declared length alone (with
   * no bytes behind it) can never make the gateway reserve much.
   */
  static final long EXACT_BUFFER_MAX_BYTES = 4_096;
  private final Vertx vertx;
  private final BodyHandler smallClientBodies;
  private final BodyHandler clientBodies;
  private final BodyHandler adminBodies;
  private final long deadlineMillis;

  public BodyIntake(Vertx vertx, int clientLimitBytes, int adminLimitBytes, long deadlineMillis) {
    this.vertx = vertx;
    this.smallClientBodies = BodyHandler.create(false).setBodyLimit(clientLimitBytes).setPreallocateBodyBuffer(true);
    this.clientBodies = BodyHandler.create(false).setBodyLimit(clientLimitBytes);
    this.adminBodies = BodyHandler.create(false).setBodyLimit(adminLimitBytes);
    this.deadlineMillis = deadlineMillis;
  }

  @Override
  public void handle(RoutingContext ctx) {
    HttpMethod method = ctx.request().method();
    if (method == HttpMethod.GET || method == HttpMethod.HEAD) {
      ctx.next();
      return;
    }
    String type = ctx.request().getHeader("Content-Type");
    String mediaType = type == null ? "" : type.toLowerCase(Locale.ROOT);
    if (mediaType.startsWith("application/x-www-form-urlencoded") || mediaType.startsWith("multipart/")) {
      refuseAfterDraining(ctx);
      return;
    }
    if (!ctx.request().isEnded()) {
      // A body that came with its head (nearly every one) is read in the same turn of the event loop, before a task
      // queued now runs: only a body still missing then gets a deadline timer (and its cancel), not every request.
      vertx.runOnContext(afterThisRead -> armBodyDeadline(ctx));
    }
    if (ctx.request().path().startsWith("/admin/")) {
      adminBodies.handle(ctx);
    } else {
      (declaresSmallBody(ctx.request().getHeader("Content-Length")) ? smallClientBodies : clientBodies).handle(ctx);
    }
  }

  /** Fails the exchange with 408 unless its body has ended within the deadline (from about its head's arrival). */
  private void armBodyDeadline(RoutingContext ctx) {
    if (ctx.request().isEnded() || ctx.response().ended()) {
      return;
    }
    long timer = vertx.setTimer(deadlineMillis, id -> {
      if (!ctx.request().isEnded() && !ctx.response().headWritten()) {
        ctx.fail(new GatewayException.RequestTimeout("the request body did not arrive within " + deadlineMillis
            + " ms"));
      }
    });
    ctx.addEndHandler(ended -> vertx.cancelTimer(timer));
  }

  /** A {@code Content-Length} of 0 to {@link #EXACT_BUFFER_MAX_BYTES}, plain digits only. */
  static boolean declaresSmallBody(String declared) {
    if (declared == null || declared.isEmpty() || declared.length() > 4) {
      return false;
    }
    long length = 0;
    for (int i = 0; i < declared.length(); i++) {
      char c = declared.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
      length = length * 10 + (c - '0');
    }
    return length <= EXACT_BUFFER_MAX_BYTES;
  }

  /**
   * 415 once the unread body has been read and thrown away (as {@link BodyHandler} does past its limit), so the
   * answer never overtakes a request the client is still sending; a body that has not ended within the body
   * deadline closes the connection instead.
   */
  private void refuseAfterDraining(RoutingContext ctx) {
    HttpServerRequest request = ctx.request();
    if (request.isEnded() || "100-continue".equalsIgnoreCase(request.getHeader("Expect"))) {
      ctx.fail(415); // nothing left to read, or a client waiting for 100 Continue that will send nothing now
      return;
    }
    long timer = vertx.setTimer(deadlineMillis, id -> request.connection().close());
    request.handler(discarded -> { }).endHandler(ended -> {
      vertx.cancelTimer(timer);
      ctx.fail(415);
    });
    request.resume();
  }
}
