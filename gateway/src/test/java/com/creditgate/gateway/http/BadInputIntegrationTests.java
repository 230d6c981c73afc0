package com.creditgate.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.creditgate.gateway.support.Accounts;
import com.creditgate.gateway.support.Scrape;
import com.creditgate.gateway.support.TestGateway;
import com.creditgate.gateway.support.TestVertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Hostile or odd input is a 4xx problem+json naming what is wrong, never a 500 (SPEC 3). */
class BadInputIntegrationTests {
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

  private static int port() {
    return Integer.parseInt(gateway.settings().get("HTTP_PORT"));
  }

  /**
   * Sends exactly {@code uri}, {@code contentType} and {@code body} on a plain socket, one request per connection
   * ({@code Connection: close}), and reads the answer to the server's close: no client library sits between the
   * bytes and the server (a pooled Vert.x client hung here now and then, never the server's answer).
   */
  private static Answer send(HttpMethod method, String uri, String contentType, String body) {
    byte[] content = body.getBytes(StandardCharsets.UTF_8);
    StringBuilder head = new StringBuilder().append(method.name()).append(' ').append(uri)
        .append(" HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nAuthorization: Bearer ")
        .append(TestGateway.API_KEY).append("\r\nContent-Length: ").append(content.length).append("\r\n");
    if (contentType != null) {
      head.append("Content-Type: ").append(contentType).append("\r\n");
    }
    try (Socket socket = new Socket("127.0.0.1", port())) {
      socket.setSoTimeout(20_000);
      OutputStream out = socket.getOutputStream();
      out.write(head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
      out.write(content);
      out.flush();
      return Answer.parse(socket.getInputStream().readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A whole HTTP/1.1 answer: status, headers (names lower-cased) and body. */
  private record Answer(int status, Map<String, String> headers, Buffer body) {
    static Answer parse(byte[] bytes) {
      String text = new String(bytes, StandardCharsets.UTF_8);
      int end = text.indexOf("\r\n\r\n");
      assertThat(end).as("a complete head in %s", text).isPositive();
      String[] lines = text.substring(0, end).split("\r\n");
      Map<String, String> headers = new HashMap<>();
      for (int i = 1; i < lines.length; i++) {
        int colon = lines[i].indexOf(':');
        headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
      }
      return new Answer(Integer.parseInt(lines[0].split(" ")[1]), headers, Buffer.buffer(text.substring(end + 4)));
    }

    JsonObject problem() {
      assertThat(headers.get("content-type")).isEqualTo(FailureHandler.PROBLEM_JSON);
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
    try (Socket socket = new Socket("127.0.0.1", port())) {
      socket.setSoTimeout(8_000);
      socket.getOutputStream().write(formPostHead(12_010, "Expect: 100-continue\r\n"));
      BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
      assertThat(in.readLine()).as("answered at once, not after a body that never comes").startsWith("HTTP/1.1 415");
    }
  }

  @Test
  void aRefusedFormBodyIsReadSoTheConnectionServesTheNextRequest() throws IOException {
    byte[] body = ("accountId=" + "x".repeat(12_000)).getBytes(StandardCharsets.US_ASCII);
    try (Socket socket = new Socket("127.0.0.1", port())) {
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
