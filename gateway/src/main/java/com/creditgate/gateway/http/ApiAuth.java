package com.creditgate.gateway.http;

import com.creditgate.gateway.config.GatewayConfig;
import com.creditgate.gateway.config.TokenHash;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;

/**
 * Bearer-token authentication: client API keys (stored as SHA-256 hashes) for {@code /v1}, a separate admin
 * token for {@code /admin}. Missing or wrong → 401; a client key on {@code /admin} → 403. Sets
 * {@link #CLIENT_ID} on the context. Thread-safe (immutable).
 */
public final class ApiAuth {
  /** Context key of the authenticated client id. */
  public static final String CLIENT_ID = "clientId";
  private static final String BEARER = "Bearer ";

  private final GatewayConfig config;
  private final byte[] adminHash;

  public ApiAuth(GatewayConfig config) {
    this.config = config;
    this.adminHash = config.adminTokenHash().getBytes(StandardCharsets.US_ASCII);
  }

  /** Admits client API keys. */
  public Handler<RoutingContext> clients() {
    return ctx -> {
      String clientId = config.apiKeyHashes().get(TokenHash.sha256Hex(token(ctx)));
      if (clientId == null) {
        ctx.fail(new GatewayException.Unauthorized("a valid client API key is required"));
        return;
      }
      ctx.put(CLIENT_ID, clientId);
      ctx.next();
    };
  }

  /** Admits only the admin token. */
  public Handler<RoutingContext> admin() {
    return ctx -> {
      String hash = TokenHash.sha256Hex(token(ctx));
      if (MessageDigest.isEqual(adminHash, hash.getBytes(StandardCharsets.US_ASCII))) {
        ctx.put(CLIENT_ID, "admin");
        ctx.next();
      } else if (config.apiKeyHashes().containsKey(hash)) {
        ctx.fail(new GatewayException.Forbidden("client API keys may not use the admin API"));
      } else {
        ctx.fail(new GatewayException.Unauthorized("the admin token is required"));
      }
    };
  }

  private static String token(RoutingContext ctx) {
    String header = ctx.request().getHeader("Authorization");
    if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      throw new GatewayException.Unauthorized("Authorization: Bearer <token> is required");
    }
    return header.substring(BEARER.length()).trim();
  }
}
