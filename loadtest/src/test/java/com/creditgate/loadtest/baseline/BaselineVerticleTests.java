package com.creditgate.loadtest.baseline;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class BaselineVerticleTests {
  private static Vertx vertx;
  private static int port;
  private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @BeforeAll
  static void deploy() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    vertx = Vertx.vertx();
    vertx.deployVerticle(new BaselineVerticle(port)).toCompletionStage().toCompletableFuture()
        .get(10, TimeUnit.SECONDS);
  }

  @AfterAll
  static void close() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @Test
  void answersAJsonObjectBuiltFromTheParsedBody() throws Exception {
    HttpResponse<String> response = post(BaselineVerticle.PATH, "{\"accountId\":\"acc-000042\",\"amount\":150000}");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("content-type")).hasValue("application/json");
    JsonObject body = new JsonObject(response.body());
    assertThat(body.getString("accountId")).isEqualTo("acc-000042");
    assertThat(body.getLong("available")).isEqualTo(1_000_000L - 150_000L);
  }

  @Test
  void malformedBodyIsA400() throws Exception {
    assertThat(post(BaselineVerticle.PATH, "{not json").statusCode()).isEqualTo(400);
  }

  @Test
  void otherPathsAre404() throws Exception {
    assertThat(post("/v1/limit-checks", "{}").statusCode()).isEqualTo(404);
  }

  private static HttpResponse<String> post(String path, String body) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .timeout(Duration.ofSeconds(5))
        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
  }
}
