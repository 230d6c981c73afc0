package com.creditgate.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** When the embedded default applies: no PG_URL, and only with the demo credentials. */
class EmbeddedDefaultConfigTests {
  private static final String KEYS = "shop:" + TokenHash.sha256Hex("a-real-client-key");
  private static final String ADMIN = TokenHash.sha256Hex("a-real-admin-token");

  @Test
  void noPgUrlMeansTheEmbeddedPostgres() {
    GatewayConfig config = ConfigLoader.load(Map.of());
    assertThat(config.embedded()).isTrue();
    assertThat(config.withPgUrl("postgresql://postgres@127.0.0.1:5/postgres").embedded()).isFalse();
  }

  @Test
  void aConfiguredDeploymentWithoutPgUrlFailsTheStartInsteadOfKeepingMoneyInATemporaryDatabase() {
    assertThatThrownBy(() -> ConfigLoader.load(Map.of("API_KEYS", KEYS, "ADMIN_TOKEN_SHA256", ADMIN)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PG_URL is required");
    assertThat(ConfigLoader.load(Map.of("API_KEYS", KEYS, "ADMIN_TOKEN_SHA256", ADMIN,
        "PG_URL", "postgresql://postgres@db:5432/creditgate")).embedded()).isFalse();
  }
}
