package com.creditgate.gateway.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.creditgate.gateway.support.TestGateway;
import com.creditgate.gateway.support.TestServices;
import com.creditgate.gateway.support.TestVertx;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Hostile model uploads: four concurrent 15 MB documents are admitted one at a time (the rest 429 with
 * Retry-After), parsed off the event loop (the test's Vert.x fails on a blocked loop), and a document past
 * MODEL_UPLOAD_MAX_BYTES is 413.
 */
class ModelUploadIntegrationTests {
  private static final int UPLOAD_BYTES = 15 * 1024 * 1024;
  private static TestVertx testVertx;
  private static TestGateway gateway;

  @BeforeAll
  static void startGateway() {
    testVertx = TestVertx.create();
    Map<String, String> settings = TestGateway.freshSettings(testVertx.vertx());
    settings.put("MODEL_UPLOAD_MAX_BYTES", Integer.toString(16 * 1024 * 1024));
    gateway = TestGateway.start(testVertx.vertx(), settings, Clock.systemUTC());
  }

  @AfterAll
  static void stopGateway() {
    gateway.close();
    testVertx.close();
    testVertx.assertNeverBlocked();
  }

  /** A JSON scorecard-shaped document of about {@code bytes}: heavy to parse, not a valid model. */
  private static Buffer bigDocument(String version, int bytes) {
    StringBuilder json = new StringBuilder(bytes + 64).append("{\"version\":\"").append(version)
        .append("\",\"characteristics\":[");
    for (int i = 0; json.length() < bytes; i++) {
      json.append(i == 0 ? "" : ",").append("{\"feature\":\"f").append(i).append("\",\"bins\":[1,2,3]}");
    }
    return Buffer.buffer(json.append("]}").toString());
  }

  private static Future<HttpResponse<Buffer>> upload(String version, Buffer document) {
    return gateway.client().put("/admin/models/" + version)
        .putHeader("Authorization", "Bearer " + TestGateway.ADMIN_TOKEN)
        .putHeader("Content-Type", "application/json").sendBuffer(document);
  }

  @Test
  void concurrentBigUploadsAreAdmittedOneAtATimeAndParsedOffTheEventLoop() {
    List<Future<HttpResponse<Buffer>>> uploads = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      uploads.add(upload("big-" + i, bigDocument("big-" + i, UPLOAD_BYTES)));
    }
    long startNanos = System.nanoTime();
    TestServices.await(Future.join(uploads));
    long elapsedMillis = java.util.concurrent.TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    List<Integer> statuses = uploads.stream().map(f -> f.result().statusCode()).toList();
    assertThat(statuses).as("parsed (400: not a valid model) or refused while busy").allMatch(s -> s == 400 || s == 429);
    assertThat(statuses).contains(400);
    assertThat(statuses).contains(429);
    System.out.printf("FAULT-FIGURE uploads: 4 x %d MB at once answered %s in %d ms, no event loop blocked%n",
        UPLOAD_BYTES / (1024 * 1024), statuses, elapsedMillis);
    HttpResponse<Buffer> busy = uploads.stream().map(Future::result).filter(r -> r.statusCode() == 429).findFirst()
        .orElseThrow();
    assertThat(busy.getHeader("Retry-After")).isEqualTo("1");
    assertThat(busy.bodyAsJsonObject().getString("code")).isEqualTo("model-upload-busy");

    HttpResponse<Buffer> later = TestServices.await(upload("big-later", bigDocument("big-later", 1024)));
    assertThat(later.statusCode()).as("the permit came back: %s", later.bodyAsString()).isEqualTo(400);
  }

  @Test
  void anUploadPastTheLimitIs413() {
    HttpResponse<Buffer> answer = TestServices.await(upload("huge", bigDocument("huge", 17 * 1024 * 1024)));
    assertThat(answer.statusCode()).isEqualTo(413);
    assertThat(answer.bodyAsJsonObject().getString("code")).isEqualTo("body-too-large");
  }
}
