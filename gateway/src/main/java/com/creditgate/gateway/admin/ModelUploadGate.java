package com.creditgate.gateway.admin;

import com.creditgate.gateway.error.GatewayException;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.concurrent.Semaphore;

/**
 * Admits a model upload ({@code PUT /admin/models/{version}}) before its body is read: a declared length above
 * {@code MODEL_UPLOAD_MAX_BYTES} is 413, and past {@code MODEL_UPLOADS_IN_FLIGHT_MAX} uploads buffered or
 * parsed at once in the process it is 429 with {@code Retry-After}. A 15 MB document costs its bytes plus
 * several times that while parsed, so concurrent uploads are refused instead of buffered (four at once used to
 * exhaust a 576 MB heap). The refused body is discarded as it arrives, never buffered. Thread-safe: the permits
 * are shared by every API verticle.
 */
public final class ModelUploadGate implements Handler<RoutingContext> {
  private static final long RETRY_AFTER_SECONDS = 1;
  private final Semaphore permits;
  private final long maxBytes;

  public ModelUploadGate(Semaphore permits, long maxBytes) {
    this.permits = permits;
    this.maxBytes = maxBytes;
  }

  /**
   * Mounted on this prefix (for {@code PUT}) rather than on {@code /admin/models/:version}: a parameterised
   * route is a regex match for every request that passes it, the hot path's included. So every {@code PUT} under
   * the prefix is gated (a trailing slash or a deeper path cannot slip an upload past it); only
   * {@code /admin/models/{version}} then has a route, the rest is 404 after the gate.
   */
  public static final String PREFIX = "/admin/models/";

  @Override
  public void handle(RoutingContext ctx) {
    String declared = ctx.request().getHeader("Content-Length");
    if (declared != null && declaredLength(declared) > maxBytes) {
      ctx.fail(413);
      return;
    }
    if (!permits.tryAcquire()) {
      ctx.fail(new GatewayException.RateLimited("model-upload-busy",
          "another model upload is being processed on this replica; retry shortly", RETRY_AFTER_SECONDS));
      return;
    }
    ctx.addEndHandler(ended -> permits.release());
    ctx.next();
  }

  private static long declaredLength(String header) {
    try {
      return Long.parseLong(header.trim());
    } catch (NumberFormatException e) {
      return Long.MAX_VALUE;
    }
  }
}
