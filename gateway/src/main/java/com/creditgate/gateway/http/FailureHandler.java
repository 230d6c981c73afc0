package com.creditgate.gateway.http;

import com.creditgate.gateway.error.GatewayException;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Locale;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one place that maps a failure to an HTTP answer: RFC 9457 problem+json with a stable code. */
public final class FailureHandler implements Handler<RoutingContext> {
  private static final Logger LOG = LoggerFactory.getLogger(FailureHandler.class);
  /** Media type of every error answer. */
  public static final String PROBLEM_JSON = "application/problem+json";
  private static final String TYPE_BASE = "https://creditgate.dev/problems/";
  private final Predicate<Throwable> postgresUnavailable;

  /** {@code postgresUnavailable} tells a failure that means Postgres is down (a 503 to retry) from a bug. */
  public FailureHandler(Predicate<Throwable> postgresUnavailable) {
    this.postgresUnavailable = postgresUnavailable;
  }

  @Override
  public void handle(RoutingContext ctx) {
    if (ctx.response().headWritten()) {
      ctx.response().reset();
      return;
    }
    Throwable failure = ctx.failure();
    if (failure instanceof GatewayException e) {
      send(ctx, e);
    } else if (failure == null || (ctx.statusCode() >= 400 && ctx.statusCode() < 500)) {
      sendStatus(ctx, ctx.statusCode());
    } else if (failure instanceof DecodeException) {
      send(ctx, new GatewayException.InvalidRequest(null, "request body is not valid JSON"));
    } else if (postgresUnavailable.test(failure)) {
      LOG.warn("Postgres unavailable on {} {}: {}", ctx.request().method(), ctx.request().path(), failure.toString());
      send(ctx, new GatewayException.DependencyUnavailable("postgres", "unavailable, retry shortly"));
    } else if (malformed(failure)) {
      LOG.debug("malformed request {} {}: {}", ctx.request().method(), ctx.request().path(), failure.toString());
      send(ctx, new GatewayException.InvalidRequest(null, "malformed request: " + failure.getMessage()));
    } else {
      LOG.error("unexpected failure on {} {}", ctx.request().method(), ctx.request().path(), failure);
      write(ctx, 500, "internal-error", "Internal error", "unexpected failure; see server log");
    }
  }

  /**
   * Whether {@code failure} is what Vert.x and Netty throw while decoding a request they were sent (a bad
   * percent-escape in the path, a malformed header or form), i.e. bad input and never a reason for a 500.
   * Only exceptions thrown by the HTTP stack itself count: our own code signals bad input with
   * {@link GatewayException.InvalidRequest}, and our {@code Check} failures (programmer errors) stay 500.
   */
  static boolean malformed(Throwable failure) {
    if (failure instanceof io.netty.handler.codec.DecoderException) {
      return true;
    }
    StackTraceElement[] stack = failure.getStackTrace();
    String origin = stack.length == 0 ? "" : stack[0].getClassName();
    return failure instanceof IllegalArgumentException && (origin.startsWith("io.vertx.") || origin.startsWith("io.netty."));
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
    if (status == 408) {
      response.putHeader("Connection", "close");
      ctx.addEndHandler(ended -> ctx.request().connection().close());
    }
    ctx.response().setStatusCode(status)
        .putHeader("Content-Type", PROBLEM_JSON)
        .end(problem(e, ctx.request().path(), Responses.locale(ctx)).toBuffer());
  }

  /** The problem+json document of {@code e}, for {@code instance} (the request path). */
  public static JsonObject problem(GatewayException e, String instance, Locale locale) {
    int status = e.status();
    JsonObject problem = problem(status, e.code(), HttpResponseStatus.valueOf(status).reasonPhrase(), e.getMessage(),
        instance);
    if (e instanceof GatewayException.InvalidRequest invalid && invalid.field() != null) {
      problem.put("field", invalid.field());
    }
    if (e instanceof GatewayException.Declined declined) {
      problem.put("decision", "DECLINE").put("reasons", Responses.reasons(declined.reasons(), locale));
    }
    return problem;
  }

  private static JsonObject problem(int status, String code, String title, String detail, String instance) {
    return new JsonObject()
        .put("type", TYPE_BASE + code)
        .put("title", title)
        .put("status", status)
        .put("code", code)
        .put("detail", detail)
        .put("instance", instance);
  }

  private static void sendStatus(RoutingContext ctx, int status) {
    String code = switch (status) {
      case 404 -> "not-found";
      case 405 -> "method-not-allowed";
      case 408 -> "request-timeout";
      case 413 -> "body-too-large";
      case 415 -> "unsupported-media-type";
      default -> status >= 500 ? "internal-error" : "bad-request";
    };
    String title = HttpResponseStatus.valueOf(status).reasonPhrase();
    write(ctx, status, code, title, title);
  }

  private static void write(RoutingContext ctx, int status, String code, String title, String detail) {
    ctx.response().setStatusCode(status)
        .putHeader("Content-Type", PROBLEM_JSON)
        .end(problem(status, code, title, detail, ctx.request().path()).toBuffer());
  }
}
