package com.creditgate.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.creditgate.gateway.support.Accounts;
import com.creditgate.gateway.support.Scrape;
import com.creditgate.gateway.support.TestGateway;
import com.creditgate.gateway.support.TestServices;
import com.creditgate.gateway.support.TestVertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Hostile or odd input is a 4xx problem+json naming what is wrong, never a 500 (SPEC 3). */
class BadInputIntegrationTests {
  private static TestVertx testVertx;
  private static TestGateway gateway;
  private static HttpClient raw;

  @BeforeAll
  static void startGateway() {
    testVertx = TestVertx.create();
    gateway = TestGateway.start(testVertx.vertx(), TestGateway.freshSettings(testVertx.vertx()), Clock.systemUTC());
    raw = testVertx.vertx().createHttpClient();
  }

  @AfterAll
  static void stopGateway() {
    TestServices.await(raw.close());
    gateway.close();
    testVertx.close();
    testVertx.assertNeverBlocked();
  }

  /** Sends exactly {@code uri}, {@code contentType} and {@code body}; answers status and body. */
  private static Answer send(HttpMethod method, String uri, String contentType, String body) {
    RequestOptions options = new RequestOptions().setMethod(method).setHost("127.0.0.1")
        .setPort(Integer.parseInt(gateway.settings().get("HTTP_PORT"))).setURI(uri)
        .putHeader("Authorization", "Bearer " + TestGateway.API_KEY);
    if (contentType != null) {
      options.putHeader("Content-Type", contentType);
    }
    return TestServices.await(raw.request(options)
        .compose(request -> request.send(Buffer.buffer(body)))
        .compose(response -> response.body().map(b -> new Answer(response, b))));
  }

  private record Answer(HttpClientResponse response, Buffer body) {
    int status() {
      return response.statusCode();
    }

    JsonObject problem() {
      assertThat(response.getHeader("Content-Type")).isEqualTo(FailureHandler.PROBLEM_JSON);
      return body.toJsonObject();
    }
  }

  @Test
  void getWithAFormContentTypeAndAnEmptyBodyIsServed() {
    gateway.put("/v1/accounts/bi-form-get", Accounts.goodProfile());
    Answer answer = send(HttpMethod.GET, "/v1/accounts/bi-form-get/credit", "application/x-www-form-urlencoded", "");
    assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
  }

  @Test
  void aBadPercentEscapeInThePathIsA400() {
    Answer answer = send(HttpMethod.DELETE, "/v1/holds/%", null, "");
    assertThat(answer.status()).as(answer.body().toString()).isEqualTo(400);
    assertThat(answer.problem().getInteger("status")).isEqualTo(400);
    assertThat(Scrape.of(gateway).value("creditgate_http_server_requests_seconds_count",
        Map.of("route", "unmatched", "status", "4xx"))).as("counted, not lost").isPositive();
  }

  @Test
  void aFormEncodedPostWithALongFieldIsA4xxProblem() {
    Answer answer = send(HttpMethod.POST, "/v1/holds", "application/x-www-form-urlencoded",
        "accountId=" + "x".repeat(12_000));
    assertThat(answer.status()).as(answer.body().toString()).isBetween(400, 499);
    assertThat(answer.problem().getInteger("status")).isEqualTo(answer.status());
  }

  /** The head of a form POST of {@code contentLength} bytes, as a client writes it on a plain socket. */
  private static byte[] formPostHead(int contentLength, String extraHeader) {
    return ("POST /v1/holds HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + TestGateway.API_KEY
        + "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: " + contentLength + "\r\n"
        + extraHeader + "\r\n").getBytes(StandardCharsets.US_ASCII);
  }

  @Test
  void aFormPostWaitingFor100ContinueIsRefusedWithoutSendingItsBody() throws IOException {
    try (Socket socket = new Socket("127.0.0.1", Integer.parseInt(gateway.settings().get("HTTP_PORT")))) {
      socket.setSoTimeout(8_000);
      socket.getOutputStream().write(formPostHead(12_010, "Expect: 100-continue\r\n"));
      BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
      assertThat(in.readLine()).as("answered at once, not after a body that never comes").startsWith("HTTP/1.1 415");
    }
  }

  @Test
  void aRefusedFormBodyIsReadSoTheConnectionServesTheNextRequest() throws IOException {
    byte[] body = ("accountId=" + "x".repeat(12_000)).getBytes(StandardCharsets.US_ASCII);
    try (Socket socket = new Socket("127.0.0.1", Integer.parseInt(gateway.settings().get("HTTP_PORT")))) {
      socket.setSoTimeout(8_000);
      OutputStream out = socket.getOutputStream();
      out.write(formPostHead(body.length, ""));
      out.write(body, 0, body.length / 2);
      out.flush();
      out.write(body, body.length / 2, body.length - body.length / 2);
      out.write("GET /health/live HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
      assertThat(in.readLine()).startsWith("HTTP/1.1 415");
      int problemLength = 0;
      for (String header = in.readLine(); header != null && !header.isEmpty(); header = in.readLine()) {
        if (header.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
          problemLength = Integer.parseInt(header.substring("content-length:".length()).trim());
        }
      }
      assertThat(in.skip(problemLength)).isEqualTo(problemLength);
      assertThat(in.readLine()).as("the same connection answers the next request").isEqualTo("HTTP/1.1 200 OK");
    }
  }

  @Test
  void aClientEventIdThatLooksLikeACaptureDoesNotBlockThatCapture() {
    long available = gateway.put("/v1/accounts/bi-squat", Accounts.goodProfile()).bodyAsJsonObject()
        .getLong("available");
    String holdId = gateway.post("/v1/holds", new JsonObject().put("accountId", "bi-squat").put("amount", available / 4))
        .bodyAsJsonObject().getString("holdId");
    HttpResponse<Buffer> squat = gateway.post("/v1/accounts/bi-squat/events", new JsonObject()
        .put("eventId", "capture:" + holdId).put("type", "SPEND").put("amount", 100)
        .put("occurredAt", "2026-11-22T09:00:00Z"));
    assertThat(squat.statusCode()).as(squat.bodyAsString()).isEqualTo(200);

    HttpResponse<Buffer> capture = gateway.post("/v1/holds/" + holdId + "/capture", new JsonObject());
    assertThat(capture.statusCode()).as(capture.bodyAsString()).isEqualTo(200);
    assertThat(capture.bodyAsJsonObject().getString("status")).isEqualTo("CAPTURED");
  }
}
