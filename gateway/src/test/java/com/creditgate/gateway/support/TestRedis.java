package com.creditgate.gateway.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import redis.embedded.core.ExecutableProvider;

/**
 * Which {@code redis-server} the tests start: the one on the PATH, else the binary bundled in
 * {@code com.github.codemonstur:embedded-redis} (extracted once per JVM), so tests run where no Redis is
 * installed. Thread-safe.
 */
public final class TestRedis {
  private static String serverExecutable;

  private TestRedis() {}

  /** The {@code redis-server} to run. */
  public static synchronized String serverExecutable() {
    if (serverExecutable == null) {
      serverExecutable = onPath("redis-server") ? "redis-server" : bundledServer();
    }
    return serverExecutable;
  }

  /** Whether an executable named {@code name} is on the PATH. */
  public static boolean onPath(String name) {
    String path = System.getenv("PATH");
    if (path == null) {
      return false;
    }
    for (String dir : path.split(File.pathSeparator)) {
      if (Files.isExecutable(Path.of(dir, name))) {
        return true;
      }
    }
    return false;
  }

  private static String bundledServer() {
    try {
      String binary = ExecutableProvider.newJarResourceProvider().get().getAbsolutePath();
      System.err.printf("[TestRedis] no redis-server on the PATH: using the bundled %s%n", binary);
      return binary;
    } catch (IOException e) {
      throw new UncheckedIOException("no redis-server on the PATH and the bundled one cannot be extracted", e);
    }
  }
}
