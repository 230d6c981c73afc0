package com.creditgate.gateway.http;

import com.creditgate.gateway.config.GatewayConfig;
import com.creditgate.gateway.config.TokenHash;
import com.creditgate.gateway.error.GatewayException;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Bearer-token authentication: client API keys (stored as SHA-256 hashes) for {@code /v1}, a separate admin
 * token for {@code /admin}. Missing or wrong → 401; a client key on {@code /admin} → 403. Sets
 * {@link #CLIENT_ID} on the context. A client key once verified is remembered (at most {@code API_KEY_CACHE_MAX},
 * least recently used out), so a known key skips its SHA-256; keys that fail are never cached, and a cached key
 * is matched by a constant-time comparison ({@link PresentedKey}), as the hashes are. Thread-safe.
 */
public final class ApiAuth {
  /** Context key of the authenticated client id. */
  public static final String CLIENT_ID = "clientId";
  private static final String BEARER = "Bearer ";

  private final GatewayConfig config;
  private final byte[] adminHash;
  private final Cache<PresentedKey, String> verifiedClients;

  public ApiAuth(GatewayConfig config) {
    this.config = config;
    this.adminHash = config.adminTokenHash().getBytes(StandardCharsets.US_ASCII);
    this.verifiedClients = Caffeine.newBuilder().maximumSize(config.ops().apiKeyCacheMax()).build();
  }

  /** Admits client API keys. */
  public Handler<RoutingContext> clients() {
    return ctx -> {
      String clientId = clientOf(new PresentedKey(token(ctx)));
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

  /** The client whose key {@code key} is, or {@code null}; verified keys are remembered. */
  private String clientOf(PresentedKey key) {
    String clientId = verifiedClients.getIfPresent(key);
    if (clientId == null) {
      clientId = config.apiKeyHashes().get(TokenHash.sha256Hex(key.token()));
      if (clientId != null) {
        verifiedClients.put(key, clientId);
      }
    }
    return clientId;
  }

  private static String token(RoutingContext ctx) {
    String header = ctx.request().getHeader("Authorization");
    if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      throw new GatewayException.Unauthorized("Authorization: Bearer <token> is required");
    }
    return header.substring(BEARER.length()).trim();
  }

  /** A presented token as a cache key: equal only by a comparison whose time does not depend on where they differ. */
  private record PresentedKey(String token) {
    @Override
    public boolean equals(Object other) {
      if (!(other instanceof PresentedKey that) || that.token.length() != token.length()) {
        return false;
      }
      int difference = 0;
      for (int i = 0; i < token.length(); i++) {
        difference |= token.charAt(i) ^ that.token.charAt(i);
      }
      return difference == 0;
    }

    @Override
    public int hashCode() {
      return token.hashCode();
    }
  }
}
