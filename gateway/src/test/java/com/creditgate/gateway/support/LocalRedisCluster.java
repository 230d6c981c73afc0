package com.creditgate.gateway.support;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * A real three-master Redis Cluster on spare loopback ports, started from the local {@code redis-server} and
 * joined with {@code redis-cli --cluster create}. For tests; {@link #close} stops it and removes its files.
 */
public final class LocalRedisCluster implements AutoCloseable {
  private final List<Process> nodes = new ArrayList<>();
  private final List<Integer> ports = new ArrayList<>();
  private final Path directory;

  private LocalRedisCluster(Path directory) {
    this.directory = directory;
  }

  /** Starts three masters and creates the cluster; waits until it reports {@code cluster_state:ok}. */
  public static LocalRedisCluster start() throws IOException, InterruptedException {
    LocalRedisCluster cluster = new LocalRedisCluster(Files.createTempDirectory("cg-redis-cluster"));
    try {
      for (int i = 0; i < 3; i++) {
        cluster.startNode();
      }
      List<String> create = new ArrayList<>(List.of("redis-cli", "--cluster", "create"));
      cluster.ports.forEach(p -> create.add("127.0.0.1:" + p));
      create.addAll(List.of("--cluster-replicas", "0", "--cluster-yes"));
      run(create);
      cluster.awaitOk();
      return cluster;
    } catch (IOException | InterruptedException | RuntimeException e) {
      cluster.close();
      throw e;
    }
  }

  /** {@code REDIS_URL} for cluster mode: every node, comma-separated. */
  public String urls() {
    return ports.stream().map(p -> "redis://127.0.0.1:" + p).collect(Collectors.joining(","));
  }

  /** Starts one node on a free port; a port taken between probe and bind is retried on another. */
  private void startNode() throws IOException, InterruptedException {
    for (int attempt = 1; attempt <= 3; attempt++) {
      if (tryStartNode(TestServices.freePort())) {
        return;
      }
    }
    throw new IllegalStateException("could not start a redis-server node; see " + directory);
  }

  private boolean tryStartNode(int port) throws IOException, InterruptedException {
    Path dir = Files.createDirectories(directory.resolve(Integer.toString(port)));
    Process node = new ProcessBuilder(TestRedis.serverExecutable(), "--port", Integer.toString(port), "--bind", "127.0.0.1",
        "--cluster-enabled", "yes", "--cluster-config-file", dir.resolve("nodes.conf").toString(),
        "--dir", dir.toString(), "--save", "", "--appendonly", "no")
        .redirectErrorStream(true).redirectOutput(dir.resolve("redis.log").toFile()).start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline && node.isAlive()) {
      if (run(List.of("redis-cli", "-p", Integer.toString(port), "ping"), false).contains("PONG")) {
        nodes.add(node);
        ports.add(port);
        return true;
      }
      Thread.sleep(50);
    }
    node.destroyForcibly();
    return false;
  }

  private void awaitOk() throws IOException, InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (System.nanoTime() < deadline) {
      boolean ok = true;
      for (int port : ports) {
        ok &= run(List.of("redis-cli", "-p", Integer.toString(port), "cluster", "info"), false)
            .contains("cluster_state:ok");
      }
      if (ok) {
        return;
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException("redis cluster did not become ready");
  }

  private static String run(List<String> command) throws IOException, InterruptedException {
    return run(command, true);
  }

  private static String run(List<String> command, boolean mustSucceed) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes());
    int code = process.waitFor();
    if (mustSucceed && code != 0) {
      throw new IllegalStateException(String.join(" ", command) + " failed (" + code + "): " + output);
    }
    return output;
  }

  @Override
  public void close() {
    nodes.forEach(Process::destroy);
    for (Process node : nodes) {
      try {
        node.waitFor(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      node.destroyForcibly();
    }
    deleteRecursively(directory.toFile());
  }

  private static void deleteRecursively(File file) {
    File[] children = file.listFiles();
    if (children != null) {
      for (File child : children) {
        deleteRecursively(child);
      }
    }
    file.delete();
  }
}
