package com.creditgate.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.creditgate.gateway.support.Accounts;
import com.creditgate.gateway.support.TestGateway;
import com.creditgate.gateway.support.TestServices;
import com.creditgate.gateway.support.TestVertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.time.Clock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The served OpenAPI document, and request bodies validated against it, over real HTTP. */
class OpenApiIntegrationTests {
  private static TestVertx testVertx;
  private static TestGateway gateway;

  @BeforeAll
  static void startGateway() {
    testVertx = TestVertx.create();
    gateway = TestGateway.start(testVertx.vertx(), TestGateway.freshSettings(testVertx.vertx()), Clock.systemUTC());
  }

  @AfterAll
  static void stopGateway() {
    gateway.close();
    testVertx.close();
    testVertx.assertNeverBlocked();
  }

  @Test
  void servedDocumentListsEveryRouteOfTheApi() {
    HttpResponse<Buffer> answer = TestServices.await(gateway.client().get("/openapi.json").send());
    assertThat(answer.statusCode()).isEqualTo(200);
    JsonObject document = answer.bodyAsJsonObject();
    assertThat(document.getString("openapi")).startsWith("3.1");
    JsonObject paths = document.getJsonObject("paths");
    assertThat(paths.fieldNames()).contains("/v1/limit-checks", "/v1/holds", "/v1/holds/{holdId}/capture",
        "/v1/holds/{holdId}", "/v1/accounts/{accountId}", "/v1/accounts/{accountId}/credit",
        "/v1/accounts/{accountId}/events", "/v1/accounts/{accountId}/reviews",
        "/v1/accounts/{accountId}/limit-history", "/v1/accounts/{accountId}/report",
        "/v1/accounts/{accountId}/simulate", "/admin/policies", "/admin/models", "/health/live", "/health/ready",
        "/metrics");
    assertThat(paths.getJsonObject("/v1/holds/{holdId}").fieldNames()).contains("delete");
    assertThat(paths.getJsonObject("/v1/accounts/{accountId}/simulate").getJsonObject("post")
        .getJsonObject("requestBody")).isNotNull();
  }

  @Test
  void bodyOfTheWrongTypeIsBadRequestNamingTheFieldFromTheSchema() {
    HttpResponse<Buffer> answer = gateway.put("/v1/accounts/oa-type", Accounts.goodProfile().put("creditScore", "high"));
    assertThat(answer.statusCode()).isEqualTo(400);
    JsonObject problem = answer.bodyAsJsonObject();
    assertThat(problem.getString("field")).isEqualTo("/creditScore");
    assertThat(problem.getString("detail")).contains("Expected integer");
  }

  @Test
  void missingRequiredPropertyIsBadRequestNamingIt() {
    JsonObject profile = Accounts.goodProfile();
    profile.remove("region");
    HttpResponse<Buffer> answer = gateway.put("/v1/accounts/oa-required", profile);
    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(answer.bodyAsJsonObject().getString("field")).isEqualTo("/region");
    assertThat(answer.bodyAsJsonObject().getString("detail")).contains("required property");
  }

  @Test
  void nestedViolationIsNamedByItsFullPointer() {
    gateway.put("/v1/accounts/oa-nested", Accounts.goodProfile());
    HttpResponse<Buffer> answer = gateway.post("/v1/accounts/oa-nested/simulate",
        new JsonObject().put("changes", new JsonObject().put("creditScore", true)));
    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(answer.bodyAsJsonObject().getString("field")).isEqualTo("/changes/creditScore");
  }

  @Test
  void validBodyPassesValidation() {
    assertThat(gateway.put("/v1/accounts/oa-valid", Accounts.goodProfile()).statusCode()).isEqualTo(201);
  }
}
