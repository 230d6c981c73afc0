package com.creditgate.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.creditgate.gateway.config.ConfigLoader;
import com.creditgate.gateway.config.GatewayConfig;
import com.creditgate.gateway.store.postgres.EmbeddedPostgresServer;
import com.creditgate.gateway.support.TestGateway;
import com.creditgate.gateway.support.TestServices;
import com.creditgate.gateway.support.TestVertx;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The embedded default as {@code Main} runs it without {@code PG_URL}: an embedded Postgres, seeded, and the
 * production gateway on it, serving money routes and the admin API (it used to answer 503 there).
 */
class EmbeddedDefaultIntegrationTests {
  private static final int ACCOUNTS = 200;
  private static EmbeddedPostgresServer server;
  private static Vertx vertx;
  private static TestGateway gateway;

  @BeforeAll
  static void startEmbeddedDefault() throws Exception {
    Map<String, String> env = new HashMap<>();
    env.put("EMBEDDED_ACCOUNTS", Integer.toString(ACCOUNTS));
    env.put("EMBEDDED_PG_DIR", Files.createTempDirectory("cg-embedded-test").toString());
    GatewayConfig config = ConfigLoader.load(env);
    assertThat(config.embedded()).isTrue();
    server = EmbeddedDefault.startServer(config);
    EmbeddedDefault.seed(config, server);
    vertx = TestVertx.loopLimited();
    Map<String, String> settings = new HashMap<>(env);
    settings.put("PG_URL", server.url());
    settings.put("VERTICLE_INSTANCES", "1");
    settings.put("REQUEST_DEADLINE_MILLIS", "2000");
    gateway = TestGateway.start(vertx, settings, Clock.systemUTC());
  }

  @AfterAll
  static void stop() {
    if (gateway != null) {
      gateway.close();
    }
    if (vertx != null) {
      TestServices.await(vertx.close());
    }
    if (server != null) {
      server.close();
    }
  }

  @Test
  void seedsTheSyntheticPopulationAndNothingElse() {
    assertThat(gateway.get("/v1/accounts/acc-000001/credit").statusCode()).isEqualTo(200);
    assertThat(gateway.get("/v1/accounts/acc-000200/credit").statusCode()).isEqualTo(200);
    assertThat(gateway.get("/v1/accounts/acc-000201/credit").statusCode()).isEqualTo(404);
  }

  @Test
  void holdOnASeededAccountIsCapturedIntoOutstanding() {
    JsonObject before = gateway.get("/v1/accounts/acc-000007/credit").bodyAsJsonObject();
    long amount = Math.min(10_000, before.getLong("available"));
    assertThat(amount).isPositive();
    HttpResponse<Buffer> hold = gateway.post("/v1/holds",
        new JsonObject().put("accountId", "acc-000007").put("amount", amount));
    assertThat(hold.statusCode()).isEqualTo(201);
    String holdId = hold.bodyAsJsonObject().getString("holdId");
    HttpResponse<Buffer> capture = gateway.post("/v1/holds/" + holdId + "/capture", new JsonObject());
    assertThat(capture.statusCode()).isEqualTo(200);
    assertThat(capture.bodyAsJsonObject().getString("status")).isEqualTo("CAPTURED");
    JsonObject after = gateway.get("/v1/accounts/acc-000007/credit").bodyAsJsonObject();
    assertThat(after.getLong("outstanding")).isEqualTo(before.getLong("outstanding") + amount);
    assertThat(after.getLong("held")).isZero();
  }

  @Test
  void adminApiAnswersOnTheEmbeddedDatabase() {
    HttpResponse<Buffer> config = TestServices.await(gateway.client().get("/admin/config")
        .putHeader("Authorization", "Bearer " + TestGateway.ADMIN_TOKEN).send());
    assertThat(config.statusCode()).isEqualTo(200);
    assertThat(config.bodyAsJsonObject().getLong("revision")).isEqualTo(1L);
  }

  @Test
  void dataDirectoryLivesUnderTheConfiguredDirectory() {
    assertThat(server.dataDir()).exists();
    assertThat(server.dataDir().getParent()).isEqualTo(Path.of(gateway.settings().get("EMBEDDED_PG_DIR")));
  }
}
