package com.creditgate.loadtest.openloop;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import org.HdrHistogram.Histogram;

/**
 * Offers a fixed rate of POSTs, wrk2-style: request {@code i} is due at {@code start + i / rate} whatever
 * happened to the ones before, and its latency runs from that intended time to the response, so a stalled
 * server is charged for every request it kept waiting (no coordinated omission). A 1 ms timer sends whatever
 * is due over at most {@code connections} keep-alive connections; requests that find them all busy wait in the
 * client's queue (bounded), on the clock. Prints one JSON line like {@code bench/report.lua}'s plus the offered
 * rate. Usage: {@code OpenLoopClient url path kind accounts rate seconds warmupSeconds connections apiKey}, kind
 * {@code limit-check | hold}. One event loop: it shares the machine with the server under test.
 */
public final class OpenLoopClient {
  private static final long TIMEOUT_MILLIS = 5_000;
  private static final long DRAIN_MILLIS = 10_000;

  private final HttpClient client;
  private final RequestOptions request;
  private final byte[][] bodies;
  private final double rate;
  private final long warmupNanos;
  private final long totalRequests;
  private final Histogram latency = new Histogram(1_000, 60_000_000_000L, 3);
  private final Map<String, Long> failures = new HashMap<>();
  private long startNanos;
  private long sent;
  private long answered;
  private long measured;
  private long non2xx;
  private long firstMeasuredNanos;
  private long lastAnsweredNanos;

  private OpenLoopClient(HttpClient client, RequestOptions request, String kind, int accounts, double rate,
      long seconds, long warmupSeconds) {
    this.client = client;
    this.request = request;
    this.bodies = bodies(kind, accounts);
    this.rate = rate;
    this.warmupNanos = warmupSeconds * 1_000_000_000L;
    this.totalRequests = (long) (rate * (seconds + warmupSeconds));
  }

  public static void main(String[] args) throws InterruptedException {
    if (args.length != 9) {
      System.err.println("usage: OpenLoopClient url path kind accounts rate seconds warmupSeconds connections apiKey");
      System.exit(2);
    }
    java.net.URI url = java.net.URI.create(args[0]);
    int connections = Integer.parseInt(args[7]);
    Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setPreferNativeTransport(true));
    HttpClient client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true).setTcpNoDelay(true),
        new PoolOptions().setHttp1MaxSize(connections).setMaxWaitQueueSize(1_000_000));
    RequestOptions request = new RequestOptions().setMethod(HttpMethod.POST).setHost(url.getHost())
        .setPort(url.getPort()).setURI(args[1]).setIdleTimeout(TIMEOUT_MILLIS)
        .putHeader("Content-Type", "application/json").putHeader("Authorization", "Bearer " + args[8]);
    OpenLoopClient run = new OpenLoopClient(client, request, args[2], Integer.parseInt(args[3]),
        Double.parseDouble(args[4]), Long.parseLong(args[5]), Long.parseLong(args[6]));
    CountDownLatch done = new CountDownLatch(1);
    vertx.runOnContext(v -> run.start(vertx, done));
    done.await();
    System.out.println(run.report());
    vertx.close();
  }

  private void start(Vertx vertx, CountDownLatch done) {
    startNanos = System.nanoTime();
    firstMeasuredNanos = startNanos + warmupNanos;
    vertx.setPeriodic(1, id -> {
      long now = System.nanoTime();
      long due = Math.min(totalRequests, (long) ((now - startNanos) * rate / 1e9) + 1);
      while (sent < due) {
        send(startNanos + (long) (sent * 1e9 / rate));
        sent++;
      }
      boolean drained = answered == totalRequests;
      boolean overdue = sent == totalRequests && now - intendedOf(totalRequests) > DRAIN_MILLIS * 1_000_000L;
      if (drained || overdue) {
        vertx.cancelTimer(id);
        done.countDown();
      }
    });
  }

  private long intendedOf(long index) {
    return startNanos + (long) (index * 1e9 / rate);
  }

  private void send(long intendedNanos) {
    client.request(request)
        .compose(req -> req.send(body()).compose(resp -> resp.body().map(b -> resp.statusCode())))
        .onComplete(result -> {
          long now = System.nanoTime();
          answered++;
          if (intendedNanos < firstMeasuredNanos) {
            return;
          }
          measured++;
          lastAnsweredNanos = Math.max(lastAnsweredNanos, now);
          if (result.failed()) {
            failures.merge(result.cause().getClass().getSimpleName(), 1L, Long::sum);
            return;
          }
          latency.recordValue(Math.min(now - intendedNanos, latency.getHighestTrackableValue()));
          if (result.result() / 100 != 2) {
            non2xx++;
          }
        });
  }

  /** A random account's body, encoded up front so the client spends its core on sending, not formatting. */
  private Buffer body() {
    return Buffer.buffer(bodies[ThreadLocalRandom.current().nextInt(bodies.length)]);
  }

  private static byte[][] bodies(String kind, int accounts) {
    byte[][] bodies = new byte[accounts][];
    for (int i = 0; i < accounts; i++) {
      String id = String.format("acc-%06d", i + 1);
      bodies[i] = ("hold".equals(kind) ? "{\"accountId\":\"" + id + "\",\"amount\":100,\"ttlSeconds\":60}"
          : "{\"accountId\":\"" + id + "\",\"amount\":15000}").getBytes(StandardCharsets.US_ASCII);
    }
    return bodies;
  }

  private String report() {
    double seconds = Math.max(1e-9, (lastAnsweredNanos - firstMeasuredNanos) / 1e9);
    long errors = failures.values().stream().mapToLong(Long::longValue).sum();
    return String.format(java.util.Locale.ROOT, "{\"requests\":%d,\"seconds\":%.3f,\"rps\":%.1f,\"offeredRps\":%.1f,"
            + "\"p50Millis\":%.3f,\"p90Millis\":%.3f,\"p99Millis\":%.3f,\"p999Millis\":%.3f,\"maxMillis\":%.3f,"
            + "\"non2xx\":%d,\"socketErrors\":%d,\"unanswered\":%d,\"errorKinds\":\"%s\"}",
        measured, seconds, measured / seconds, rate, millis(50), millis(90), millis(99), millis(99.9),
        latency.getMaxValue() / 1e6, non2xx, errors, totalRequests - answered, failures);
  }

  private double millis(double percentile) {
    return latency.getValueAtPercentile(percentile) / 1e6;
  }
}
