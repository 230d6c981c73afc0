package com.creditgate.loadtest.openloop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The C open-loop client of bench.sh ({@code src/main/c/openloop.c}), built here with the machine's gcc and run
 * against a real HTTP server: it offers the rate on schedule, counts what it should, and charges a stalled
 * server for every request it kept waiting (no coordinated omission). Skipped, with the reason, without gcc.
 */
class OpenLoopNativeClientTests {
  private static final Path BINARY = Path.of("target", "openloop-test");
  private static Vertx vertx;
  private static HttpServer server;
  private static final AtomicLong stallUntilNanos = new AtomicLong();
  private static final Set<String> bodies = ConcurrentHashMap.newKeySet();

  @BeforeAll
  static void build() throws Exception {
    assumeTrue(new File("/usr/bin/gcc").canExecute() || onPath("gcc"), "gcc is not installed: the C client "
        + "cannot be built here (bench.sh then falls back to the JVM client)");
    Files.createDirectories(BINARY.getParent());
    Process gcc = new ProcessBuilder("gcc", "-O2", "-Wall", "-Werror", "-o", BINARY.toString(),
        "src/main/c/openloop.c").redirectErrorStream(true).start();
    String output = new String(gcc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(gcc.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(gcc.exitValue()).as("gcc: %s", output).isZero();

    vertx = Vertx.vertx();
    server = vertx.createHttpServer().requestHandler(request -> request.body().onSuccess(body -> {
      bodies.add(body.toString());
      int status = request.path().endsWith("/teapot") ? 418 : 200;
      long wait = stallUntilNanos.get() - System.nanoTime();
      if (wait > 0) {
        // The whole server stalls: every answer due in the window waits until its end.
        vertx.setTimer(Math.max(1, TimeUnit.NANOSECONDS.toMillis(wait)),
            id -> request.response().setStatusCode(status).end("{\"ok\":true}"));
      } else {
        request.response().setStatusCode(status).end("{\"ok\":true}");
      }
    })).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @AfterAll
  static void stop() throws Exception {
    if (vertx != null) {
      vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
  }

  private static boolean onPath(String tool) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      if (new File(dir, tool).canExecute()) {
        return true;
      }
    }
    return false;
  }

  private static JsonObject run(String path, String kind, int rate, int seconds, int connections) throws Exception {
    Process process = new ProcessBuilder(BINARY.toString(), "http://127.0.0.1:" + server.actualPort(), path, kind,
        "50", Integer.toString(rate), Integer.toString(seconds), "1", Integer.toString(connections), "k-test")
        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(output).isZero();
    List<String> lines = output.lines().filter(line -> line.startsWith("{")).toList();
    assertThat(lines).hasSize(1);
    return new JsonObject(lines.get(0));
  }

  @Test
  void offersTheRateOnScheduleAndCountsEveryMeasuredAnswer() throws Exception {
    JsonObject result = run("/ok", "limit-check", 400, 2, 8);

    assertThat(result.getLong("requests")).isEqualTo(800); // 2 s at 400/s after the 1 s warm-up
    assertThat(result.getDouble("offeredRps")).isEqualTo(400.0);
    assertThat(result.getDouble("rps")).isPositive(); // how close to 400 depends on the box: not asserted
    assertThat(result.getLong("non2xx")).isZero();
    assertThat(result.getLong("socketErrors")).isZero();
    assertThat(result.getLong("unanswered")).isZero();
    assertThat(bodies).anyMatch(body -> body.matches("\\{\"accountId\":\"acc-0000[0-5][0-9]\",\"amount\":15000}"));
  }

  @Test
  void non2xxAnswersAreCountedAndHoldBodiesCarryATtl() throws Exception {
    JsonObject result = run("/teapot", "hold", 200, 1, 4);

    assertThat(result.getLong("requests")).isEqualTo(200);
    assertThat(result.getLong("non2xx")).isEqualTo(200);
    assertThat(bodies).anyMatch(body -> body.contains("\"amount\":100,\"ttlSeconds\":60"));
  }

  @Test
  void aStalledServerIsChargedForEveryRequestItKeptWaiting() throws Exception {
    // 2 s measured at 500/s over 4 connections, with the server stalled for 400 ms starting 1.5 s into the run
    // (0.5 s into the measured part). About 200 requests fall due during the stall; each waits for its end, the
    // first one ~400 ms. A closed-loop client would have sent only 4 of them (one per connection) and reported
    // a p90 of about a millisecond; from the intended send time, at least 10 % of the requests waited for
    // the stall.
    vertx.setTimer(1_500, id -> stallUntilNanos.set(System.nanoTime() + 400_000_000L));
    JsonObject result = run("/ok", "limit-check", 500, 2, 4);

    assertThat(result.getLong("requests")).isEqualTo(1_000);
    assertThat(result.getDouble("p90Millis")).isGreaterThan(20.0);
    assertThat(result.getDouble("maxMillis")).isGreaterThan(300.0);
    assertThat(result.getDouble("p50Millis")).isLessThan(result.getDouble("p90Millis"));
  }
}
