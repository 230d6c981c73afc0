package com.creditgate.gateway.support;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.concurrent.TimeUnit;

/**
 * A throw-away {@code redis-server} (see {@link TestRedis#serverExecutable}) on a spare port, without persistence, that a test can
 * kill to see how the gateway copes. Close it after the test.
 */
public final class RedisProcess implements AutoCloseable {
  private final int port;
  private Process process;

  private RedisProcess(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  /** Starts a server and waits (bounded) until it accepts connections. */
  public static RedisProcess start() {
    int port = TestServices.freePort();
    RedisProcess redis = new RedisProcess(launch(port), port);
    redis.awaitAccepting();
    return redis;
  }

  /** Starts a new, empty server on the same port after {@link #kill}. */
  public void restart() {
    process = launch(port);
    awaitAccepting();
  }

  private static Process launch(int port) {
    try {
      return new ProcessBuilder(TestRedis.serverExecutable(), "--port", Integer.toString(port), "--bind", "127.0.0.1",
          "--save", "", "--appendonly", "no", "--daemonize", "no")
          .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    } catch (IOException e) {
      throw new IllegalStateException("cannot start redis-server", e);
    }
  }

  /** {@code redis://127.0.0.1:<port>}. */
  public String url() {
    return "redis://127.0.0.1:" + port;
  }

  /** Kills the server and waits until it is gone. */
  public void kill() {
    process.destroyForcibly();
    try {
      process.waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      kill();
    }
  }

  private void awaitAccepting() {
    for (int attempt = 0; attempt < 200; attempt++) {
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress("127.0.0.1", port), 100);
        return;
      } catch (IOException e) {
        sleepBriefly();
      }
    }
    throw new IllegalStateException("redis-server did not start on port " + port);
  }

  private static void sleepBriefly() {
    try {
      Thread.sleep(25);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
