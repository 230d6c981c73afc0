package com.creditgate.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.creditgate.gateway.support.TestGateway;
import com.creditgate.gateway.support.TestVertx;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * HTTP_HEADER_READ_TIMEOUT_MILLIS on plain sockets, with an idle timeout far longer than every wait here: a head
 * that is late (trickled, stopped halfway, never begun) closes its connection at the head deadline, while a
 * keep-alive connection idle between requests and a head sent in two parts are left alone.
 */
class HeadReadDeadlineIntegrationTests {
  private static final int HEAD_DEADLINE_MILLIS = 1_000;
  private static final int IDLE_TIMEOUT_SECONDS = 60;
  /** Room for a loaded 2-core machine on top of the head deadline; far below the idle timeout. */
  private static final int CLOSED_WITHIN_MILLIS = HEAD_DEADLINE_MILLIS + 4_000;
  private static final int TRICKLE_GAP_MILLIS = 300;
  private static final String LIVE = "GET /health/live HTTP/1.1\r\nHost: cg\r\n\r\n";
  private static TestVertx testVertx;
  private static TestGateway gateway;

  @BeforeAll
  static void startGateway() {
    testVertx = TestVertx.create();
    Map<String, String> settings = TestGateway.freshSettings(testVertx.vertx());
    settings.put("HTTP_IDLE_TIMEOUT_SECONDS", Integer.toString(IDLE_TIMEOUT_SECONDS));
    settings.put("HTTP_HEADER_READ_TIMEOUT_MILLIS", Integer.toString(HEAD_DEADLINE_MILLIS));
    gateway = TestGateway.start(testVertx.vertx(), settings, Clock.systemUTC());
  }

  @AfterAll
  static void stopGateway() {
    gateway.close();
    testVertx.close();
    testVertx.assertNeverBlocked();
  }

  @Test
  void aHeadTrickledByteByByteIsCutOffAtTheDeadline() throws IOException {
    byte[] head = ("GET /health/live HTTP/1.1\r\nHost: cg\r\nX-Slow: " + "s".repeat(4_000))
        .getBytes(StandardCharsets.US_ASCII);
    try (Socket socket = connect()) {
      socket.setSoTimeout(TRICKLE_GAP_MILLIS);
      OutputStream out = socket.getOutputStream();
      ByteArrayOutputStream received = new ByteArrayOutputStream();
      long startNanos = System.nanoTime();
      boolean closed = false;
      for (int i = 0; i < head.length && !closed && millisSince(startNanos) < CLOSED_WITHIN_MILLIS; i++) {
        closed = !write(out, head, i, 1) || endOfStreamWithin(socket.getInputStream(), received);
      }
      assertThat(closed).as("closed while the head was still trickling in").isTrue();
      assertThat(millisSince(startNanos)).isLessThan(CLOSED_WITHIN_MILLIS);
      String answer = received.toString(StandardCharsets.US_ASCII);
      assertThat(answer.isEmpty() || answer.startsWith("HTTP/1.1 408")).as(answer).isTrue();
      System.out.printf("FAULT-FIGURE head deadline: a head trickled a byte every %d ms closed %d ms after connect "
          + "(deadline %d ms, idle timeout %d s)%n", TRICKLE_GAP_MILLIS, millisSince(startNanos), HEAD_DEADLINE_MILLIS,
          IDLE_TIMEOUT_SECONDS);
    }
  }

  @Test
  void aHeadThatStopsHalfwayIs408AndTheConnectionCloses() throws IOException {
    try (Socket socket = connect()) {
      socket.setSoTimeout(CLOSED_WITHIN_MILLIS);
      long startNanos = System.nanoTime();
      socket.getOutputStream().write("GET /health/live HTTP/1.1\r\nHost: cg\r\nX-Sl".getBytes(StandardCharsets.US_ASCII));
      String answer = readUntilClosed(socket.getInputStream());
      assertThat(answer).startsWith("HTTP/1.1 408");
      System.out.printf("FAULT-FIGURE head deadline: half a head answered %s and closed after %d ms%n",
          answer.substring(0, answer.indexOf("\r\n")), millisSince(startNanos));
      assertThat(answer.toLowerCase(Locale.ROOT)).contains("content-type: application/problem+json")
          .contains("connection: close");
      JsonObject problem = new JsonObject(answer.substring(answer.indexOf("\r\n\r\n") + 4));
      assertThat(problem.getString("code")).isEqualTo("request-timeout");
      assertThat(problem.getInteger("status")).isEqualTo(408);
    }
  }

  @Test
  void aConnectionThatNeverSendsAHeadIsClosedWithoutAnAnswer() throws IOException {
    try (Socket socket = connect()) {
      socket.setSoTimeout(CLOSED_WITHIN_MILLIS);
      assertThat(readUntilClosed(socket.getInputStream())).as("no request, so nothing to answer").isEmpty();
    }
  }

  @Test
  void aKeepAliveConnectionIdleBetweenRequestsOutlivesTheHeadDeadline() throws IOException {
    try (Socket socket = connect()) {
      assertThat(exchange(socket, LIVE)).startsWith("HTTP/1.1 200");
      assertStaysOpen(socket, 2 * HEAD_DEADLINE_MILLIS);
      assertThat(exchange(socket, LIVE)).as("the same connection serves the next request").startsWith("HTTP/1.1 200");
    }
  }

  @Test
  void aHeadInTwoQuickPartsIsServedAndItsConnectionKept() throws IOException {
    try (Socket socket = connect()) {
      OutputStream out = socket.getOutputStream();
      out.write("GET /health/live HTTP/1.1\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      assertStaysOpen(socket, HEAD_DEADLINE_MILLIS / 5);
      assertThat(exchange(socket, "Host: cg\r\n\r\n")).startsWith("HTTP/1.1 200");
      assertStaysOpen(socket, 2 * HEAD_DEADLINE_MILLIS);
      assertThat(exchange(socket, LIVE)).as("the timer of the split head closed nothing").startsWith("HTTP/1.1 200");
    }
  }

  private static Socket connect() throws IOException {
    return new Socket("127.0.0.1", Integer.parseInt(gateway.settings().get("HTTP_PORT")));
  }

  private static long millisSince(long startNanos) {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
  }

  /** Writes and flushes; false when the server has closed the connection. */
  private static boolean write(OutputStream out, byte[] bytes, int offset, int length) {
    try {
      out.write(bytes, offset, length);
      out.flush();
      return true;
    } catch (IOException closed) {
      return false;
    }
  }

  /** Reads what arrives within the socket's read timeout; true when the server closed the connection. */
  private static boolean endOfStreamWithin(InputStream in, ByteArrayOutputStream received) throws IOException {
    byte[] buffer = new byte[4096];
    try {
      for (int n = in.read(buffer); ; n = in.read(buffer)) {
        if (n < 0) {
          return true;
        }
        received.write(buffer, 0, n);
      }
    } catch (SocketTimeoutException stillOpen) {
      return false;
    } catch (SocketException reset) {
      return true;
    }
  }

  /** Fails unless the server neither answers nor closes for {@code millis}. */
  private static void assertStaysOpen(Socket socket, int millis) throws IOException {
    socket.setSoTimeout(millis);
    ByteArrayOutputStream received = new ByteArrayOutputStream();
    assertThat(endOfStreamWithin(socket.getInputStream(), received)).as("closed by the server").isFalse();
    assertThat(received.size()).as("answered: %s", received).isZero();
  }

  /** Sends {@code request} (or its rest) and reads one whole answer, by its Content-Length. */
  private static String exchange(Socket socket, String request) throws IOException {
    socket.setSoTimeout(CLOSED_WITHIN_MILLIS);
    socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
    InputStream in = socket.getInputStream();
    StringBuilder head = new StringBuilder();
    while (!head.toString().endsWith("\r\n\r\n")) {
      int b = in.read();
      assertThat(b).as("an answer before the close, got %s", head).isNotNegative();
      head.append((char) b);
    }
    String lower = head.toString().toLowerCase(Locale.ROOT);
    int at = lower.indexOf("content-length:");
    int length = Integer.parseInt(lower.substring(at + "content-length:".length(), lower.indexOf("\r\n", at)).trim());
    return head + new String(in.readNBytes(length), StandardCharsets.UTF_8);
  }

  /** Everything the server sends until it closes; a read timeout (the server kept it open) fails the test. */
  private static String readUntilClosed(InputStream in) throws IOException {
    ByteArrayOutputStream received = new ByteArrayOutputStream();
    assertThat(endOfStreamWithin(in, received)).as("closed within the read timeout").isTrue();
    return received.toString(StandardCharsets.UTF_8);
  }
}
