package com.creditgate.gateway.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.creditgate.gateway.support.Accounts;
import com.creditgate.gateway.support.TestGateway;
import com.creditgate.gateway.support.TestServices;
import com.creditgate.gateway.support.TestVertx;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Models that cannot fail open (issue #13): leaves that overflow never publish or activate, and a plain XGBoost
 * model trained on a numpy array is accepted when the upload names its features.
 */
class ModelIntegrityIntegrationTests {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC);
  private static Vertx vertx;
  private static TestGateway gateway;

  @BeforeAll
  static void startGateway() {
    vertx = TestVertx.loopLimited();
    gateway = TestGateway.start(vertx, TestGateway.freshSettings(vertx), CLOCK);
    assertThat(gateway.put("/v1/accounts/mi-1", Accounts.goodProfile()).statusCode()).isEqualTo(201);
  }

  @AfterAll
  static void stopGateway() {
    gateway.close();
    TestServices.await(vertx.close());
  }

  @Test
  void modelWhoseLeavesOverflowIsNotPublished() throws IOException {
    JsonObject overflowing = overflowing(defaultGbdt(), "gbdt-nan-1");
    HttpResponse<Buffer> published = publish("/admin/models/gbdt-nan-1", overflowing);
    assertThat(published.statusCode()).as(published.bodyAsString()).isEqualTo(400);
    assertThat(published.getHeader("Content-Type")).startsWith("application/problem+json");
    assertThat(published.bodyAsJsonObject().getString("code")).isEqualTo("model-rejected");
    assertThat(published.bodyAsJsonObject().getString("detail")).contains("not a finite float");
  }

  @Test
  void storedModelWhoseLeavesOverflowIsNotActivatedAndChecksStillDecide() throws IOException {
    JsonObject overflowing = overflowing(defaultGbdt(), "gbdt-nan-stored");
    gateway.sql("INSERT INTO model_documents (version, format, document) VALUES ($1, $2, $3)", "gbdt-nan-stored",
        "xgboost-json", overflowing.toBuffer());
    String champion = config().getString("championVersion");
    HttpResponse<Buffer> activated = TestServices.await(admin(HttpMethod.POST,
        "/admin/models/gbdt-nan-stored/activate").send());
    assertThat(activated.statusCode()).as(activated.bodyAsString()).isEqualTo(400);
    assertThat(activated.bodyAsJsonObject().getString("code")).isEqualTo("model-rejected");
    assertThat(config().getString("championVersion")).isEqualTo(champion);
    JsonObject check = gateway.post("/v1/limit-checks", Accounts.check("mi-1", 100)).bodyAsJsonObject();
    assertThat(check.getString("decision")).isEqualTo("APPROVE");
    assertThat(check.getDouble("pd")).isBetween(0.0, 1.0);
  }

  @Test
  void plainNumpyModelIsAcceptedWhenTheUploadNamesItsFeatures() throws IOException {
    JsonObject named = defaultGbdt();
    JsonArray names = named.getJsonObject("learner").getJsonArray("feature_names");
    JsonObject plain = plain(named);
    HttpResponse<Buffer> unnamed = publish("/admin/models/gbdt-plain-1", plain);
    assertThat(unnamed.statusCode()).isEqualTo(400);
    assertThat(unnamed.bodyAsString()).contains("feature_names");

    String list = String.join(",", names.stream().map(String.class::cast).toList());
    HttpResponse<Buffer> published = publish("/admin/models/gbdt-plain-1?featureNames=" + list, plain);
    assertThat(published.statusCode()).as(published.bodyAsString()).isEqualTo(201);
    assertThat(TestServices.await(admin(HttpMethod.POST, "/admin/models/gbdt-plain-1/activate").send())
        .statusCode()).isEqualTo(200);
    JsonObject check = gateway.post("/v1/limit-checks", Accounts.check("mi-1", 100)).bodyAsJsonObject();
    assertThat(check.getString("modelVersion")).isEqualTo("gbdt-plain-1");
    assertThat(check.getDouble("pd")).isBetween(0.0, 1.0);
    assertThat(TestServices.await(admin(HttpMethod.POST, "/admin/rollback").send()).statusCode()).isEqualTo(200);
  }

  @Test
  void plainModelWhoseNamedFeaturesDoNotMatchTheSchemaIsRefused() throws IOException {
    JsonObject plain = plain(defaultGbdt());
    HttpResponse<Buffer> wrongCount = publish("/admin/models/gbdt-plain-2?featureNames=creditScore,currentDpd", plain);
    assertThat(wrongCount.statusCode()).isEqualTo(400);
    assertThat(wrongCount.bodyAsJsonObject().getString("code")).isEqualTo("model-rejected");
    JsonArray names = defaultGbdt().getJsonObject("learner").getJsonArray("feature_names");
    names.set(0, "shoeSize");
    String list = String.join(",", names.stream().map(String.class::cast).toList());
    HttpResponse<Buffer> notInSchema = publish("/admin/models/gbdt-plain-3?featureNames=" + list, plain);
    assertThat(notInSchema.statusCode()).isEqualTo(400);
    assertThat(notInSchema.bodyAsString()).contains("shoeSize");
  }

  private static JsonObject defaultGbdt() throws IOException {
    try (InputStream in = ModelIntegrityIntegrationTests.class.getClassLoader()
        .getResourceAsStream("models/gbdt-default.json")) {
      return new JsonObject(Buffer.buffer(in.readAllBytes()));
    }
  }

  /** The default model renamed, with the leaves of its first two trees at +1e39 and -1e39 (float overflow). */
  private static JsonObject overflowing(JsonObject model, String version) {
    model.getJsonObject("learner").getJsonObject("attributes").put("creditgate_version", version);
    JsonArray trees = model.getJsonObject("learner").getJsonObject("gradient_booster").getJsonObject("model")
        .getJsonArray("trees");
    for (int t = 0; t < 2; t++) {
      JsonObject tree = trees.getJsonObject(t);
      JsonArray left = tree.getJsonArray("left_children");
      JsonArray conditions = tree.getJsonArray("split_conditions");
      for (int i = 0; i < left.size(); i++) {
        if (left.getInteger(i) == -1) {
          conditions.set(i, t == 0 ? 1e39 : -1e39);
        }
      }
    }
    return model;
  }

  /** The model as XGBoost saves one trained on a numpy array: no feature names or types, no attributes. */
  private static JsonObject plain(JsonObject model) {
    JsonObject learner = model.getJsonObject("learner");
    learner.remove("feature_names");
    learner.remove("feature_types");
    learner.remove("attributes");
    return model;
  }

  private static HttpResponse<Buffer> publish(String path, JsonObject model) {
    return TestServices.await(admin(HttpMethod.PUT, path).putHeader("Content-Type", "application/json")
        .sendBuffer(model.toBuffer()));
  }

  private static JsonObject config() {
    return TestServices.await(admin(HttpMethod.GET, "/admin/config").send()).bodyAsJsonObject();
  }

  private static io.vertx.ext.web.client.HttpRequest<Buffer> admin(HttpMethod method, String path) {
    return gateway.client().request(method, path).putHeader("Authorization", "Bearer " + TestGateway.ADMIN_TOKEN);
  }
}
