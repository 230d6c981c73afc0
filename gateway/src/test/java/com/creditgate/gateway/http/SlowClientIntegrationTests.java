package com.creditgate.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.creditgate.gateway.support.TestGateway;
import com.creditgate.gateway.support.TestVertx;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Slow clients: one that stalls mid-head cannot hold a connection past HTTP_IDLE_TIMEOUT_SECONDS, one that
 * trickles its body not past HTTP_REQUEST_BODY_TIMEOUT_MILLIS (408). Raw sockets, so every byte is the test's.
 */
class SlowClientIntegrationTests {
  private static final int BODY_TIMEOUT_MILLIS = 300;
  private static final int IDLE_TIMEOUT_SECONDS = 2;
  /** Room for a loaded 2-core machine on top of a timeout. */
  private static final int SLACK_MILLIS = 3_000;
  private static final int READ_TIMEOUT_MILLIS = IDLE_TIMEOUT_SECONDS * 1_000 + SLACK_MILLIS;
  private static TestVertx testVertx;
  private static TestGateway gateway;

  @BeforeAll
  static void startGateway() {
    testVertx = TestVertx.create();
    Map<String, String> settings = TestGateway.freshSettings(testVertx.vertx());
    settings.put("HTTP_IDLE_TIMEOUT_SECONDS", Integer.toString(IDLE_TIMEOUT_SECONDS));
    settings.put("HTTP_REQUEST_BODY_TIMEOUT_MILLIS", Integer.toString(BODY_TIMEOUT_MILLIS));
    gateway = TestGateway.start(testVertx.vertx(), settings, Clock.systemUTC());
  }

  @AfterAll
  static void stopGateway() {
    gateway.close();
    testVertx.close();
    testVertx.assertNeverBlocked();
  }

  private static Socket connect() throws IOException {
    Socket socket = new Socket("127.0.0.1", Integer.parseInt(gateway.settings().get("HTTP_PORT")));
    socket.setSoTimeout(READ_TIMEOUT_MILLIS);
    return socket;
  }

  @Test
  void aConnectionThatStallsMidHeadIsClosed() throws IOException {
    try (Socket socket = connect()) {
      socket.getOutputStream().write("GET /health/live HTTP/1.1\r\nHost: cg\r\nX-Slow: 1\r\n"
          .getBytes(StandardCharsets.US_ASCII));
      long startNanos = System.nanoTime();
      assertThat(readUntilClosed(socket.getInputStream())).as("no answer to half a head").isEmpty();
      assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos)).isLessThan(READ_TIMEOUT_MILLIS);
    }
  }

  @Test
  void aBodyThatDoesNotArriveInTimeIs408AndTheConnectionCloses() throws IOException {
    try (Socket socket = connect()) {
      OutputStream out = socket.getOutputStream();
      out.write(("POST /v1/limit-checks HTTP/1.1\r\nHost: cg\r\nAuthorization: Bearer " + TestGateway.API_KEY
          + "\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"accountId\":").getBytes(
              StandardCharsets.US_ASCII));
      out.flush();
      String answer = readUntilClosed(socket.getInputStream());
      assertThat(answer).startsWith("HTTP/1.1 408");
      assertThat(answer).contains("request-timeout");
    }
  }

  @Test
  void aBodyThatComesAfterItsHeadWithinTheDeadlineIsServedAndTheConnectionLivesOn() throws Exception {
    try (Socket socket = connect()) {
      OutputStream out = socket.getOutputStream();
      String body = "{\"accountId\":\"acc-slow-body\",\"amount\":100}";
      String head = "POST /v1/limit-checks HTTP/1.1\r\nHost: cg\r\nAuthorization: Bearer " + TestGateway.API_KEY
          + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length() + "\r\n\r\n";
      out.write((head + body.substring(0, 10)).getBytes(StandardCharsets.US_ASCII));
      out.flush();
      Thread.sleep(BODY_TIMEOUT_MILLIS / 2);
      out.write(body.substring(10).getBytes(StandardCharsets.US_ASCII));
      out.flush();
      String first = readAnswer(socket.getInputStream());
      assertThat(first).as("served, not timed out").startsWith("HTTP/1.1 404").contains("account-not-found");
      Thread.sleep(BODY_TIMEOUT_MILLIS * 2); // past the first body's deadline: its timer must not touch the connection
      out.write((head + body).getBytes(StandardCharsets.US_ASCII));
      out.flush();
      assertThat(readAnswer(socket.getInputStream())).startsWith("HTTP/1.1 404");
    }
  }

  /** One answer: its head, then as many body bytes as its Content-Length says. */
  private static String readAnswer(InputStream in) throws IOException {
    StringBuilder text = new StringBuilder();
    int headEnd = -1;
    int length = -1;
    while (headEnd < 0 || text.length() < headEnd + length) {
      int b = in.read();
      if (b < 0) {
        throw new AssertionError("closed after " + text);
      }
      text.append((char) b);
      if (headEnd < 0 && text.toString().endsWith("\r\n\r\n")) {
        headEnd = text.length();
        java.util.regex.Matcher declared = java.util.regex.Pattern.compile("(?i)content-length: *(\\d+)")
            .matcher(text);
        length = declared.find() ? Integer.parseInt(declared.group(1)) : 0;
      }
    }
    return text.toString();
  }

  /** Everything the server sends until it closes; a read timeout (the server kept it open) fails the test. */
  private static String readUntilClosed(InputStream in) throws IOException {
    StringBuilder text = new StringBuilder();
    byte[] buffer = new byte[4096];
    try {
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        text.append(new String(buffer, 0, n, StandardCharsets.US_ASCII));
      }
    } catch (SocketTimeoutException stillOpen) {
      throw new AssertionError("the server kept the connection open for " + READ_TIMEOUT_MILLIS + " ms", stillOpen);
    } catch (SocketException reset) {
      // closed with a reset
    }
    return text.toString();
  }
}
