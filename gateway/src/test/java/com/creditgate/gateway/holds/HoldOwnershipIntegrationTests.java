package com.creditgate.gateway.holds;

import static org.assertj.core.api.Assertions.assertThat;

import com.creditgate.gateway.config.TokenHash;
import com.creditgate.gateway.support.Accounts;
import com.creditgate.gateway.support.TestGateway;
import com.creditgate.gateway.support.TestServices;
import com.creditgate.gateway.support.TestVertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A hold belongs to the client that placed it: to any other client it does not exist (404, as unknown). */
class HoldOwnershipIntegrationTests {
  private static final String KEY_A = "cg_test_client_a_0123456789";
  private static final String KEY_B = "cg_test_client_b_9876543210";
  private static TestVertx testVertx;
  private static TestGateway gateway;

  @BeforeAll
  static void startGateway() {
    testVertx = TestVertx.create();
    Map<String, String> settings = TestGateway.freshSettings(testVertx.vertx());
    settings.put("API_KEYS", "checkout-a:" + TokenHash.sha256Hex(KEY_A) + ",checkout-b:" + TokenHash.sha256Hex(KEY_B));
    gateway = TestGateway.start(testVertx.vertx(), settings, Clock.systemUTC());
  }

  @AfterAll
  static void stopGateway() {
    gateway.close();
    testVertx.close();
    testVertx.assertNeverBlocked();
  }

  private static HttpResponse<Buffer> as(String key, HttpMethod method, String path, JsonObject body) {
    var request = gateway.client().request(method, path).putHeader("Authorization", "Bearer " + key);
    return TestServices.await(body == null ? request.send() : request.sendJsonObject(body));
  }

  @Test
  void anotherClientCannotReadCaptureOrReleaseAHold() {
    assertThat(as(KEY_A, HttpMethod.PUT, "/v1/accounts/own-1", Accounts.goodProfile()).statusCode()).isEqualTo(201);
    HttpResponse<Buffer> placed = as(KEY_A, HttpMethod.POST, "/v1/holds",
        new JsonObject().put("accountId", "own-1").put("amount", 1_000));
    assertThat(placed.statusCode()).isEqualTo(201);
    String path = "/v1/holds/" + placed.bodyAsJsonObject().getString("holdId");

    for (HttpResponse<Buffer> foreign : new HttpResponse[] {
        as(KEY_B, HttpMethod.GET, path, null),
        as(KEY_B, HttpMethod.POST, path + "/capture", new JsonObject()),
        as(KEY_B, HttpMethod.DELETE, path, null)}) {
      assertThat(foreign.statusCode()).as(foreign.bodyAsString()).isEqualTo(404);
      assertThat(foreign.bodyAsJsonObject().getString("code")).isEqualTo("hold-not-found");
    }
    assertThat(as(KEY_A, HttpMethod.GET, path, null).bodyAsJsonObject().getString("status")).isEqualTo("ACTIVE");
    assertThat(as(KEY_A, HttpMethod.DELETE, path, null).statusCode()).isEqualTo(200);
  }
}
