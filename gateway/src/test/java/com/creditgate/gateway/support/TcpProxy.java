package com.creditgate.gateway.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP proxy on a spare loopback port in front of a real service (the shared Postgres or Redis) that a test
 * can break without touching the service: {@link #freeze} stops every byte in both directions while the
 * connections stay open, as a {@code SIGSTOP}ed server does (bytes sent meanwhile wait in the proxy and flow on
 * {@link #thaw}); {@link #reset} aborts every connection with a TCP RST; {@link #delayReplies} holds every chunk
 * coming back from the service for a while before passing it on, as a slow but healthy service (or network)
 * does. Plain threads: test-side only.
 */
public final class TcpProxy implements AutoCloseable {
  private final ServerSocket server;
  private final InetSocketAddress target;
  private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
  private final AtomicLong accepted = new AtomicLong();
  private final AtomicLong chunksHeld = new AtomicLong();
  private final Object gate = new Object();
  private volatile boolean frozen;
  private volatile long replyDelayMillis;

  private TcpProxy(ServerSocket server, InetSocketAddress target) {
    this.server = server;
    this.target = target;
  }

  /** A proxy to {@code host:port}, accepting at once. */
  public static TcpProxy to(String host, int port) {
    try {
      ServerSocket server = new ServerSocket(0, 128, java.net.InetAddress.getLoopbackAddress());
      TcpProxy proxy = new TcpProxy(server, new InetSocketAddress(host, port));
      Thread acceptor = new Thread(proxy::acceptLoop, "tcp-proxy-accept-" + server.getLocalPort());
      acceptor.setDaemon(true);
      acceptor.start();
      return proxy;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A proxy to the service of {@code url} ({@code scheme://[user@]host:port/...}). */
  public static TcpProxy toUrl(String url) {
    java.net.URI uri = java.net.URI.create(url);
    return to(uri.getHost(), uri.getPort());
  }

  /** {@code url} with its host and port replaced by this proxy's. */
  public String rewrite(String url) {
    java.net.URI uri = java.net.URI.create(url);
    String authority = (uri.getRawUserInfo() == null ? "" : uri.getRawUserInfo() + "@") + "127.0.0.1:" + port();
    return uri.getScheme() + "://" + authority + (uri.getRawPath() == null ? "" : uri.getRawPath());
  }

  public int port() {
    return server.getLocalPort();
  }

  /** Connections accepted so far. */
  public long accepted() {
    return accepted.get();
  }

  /** Chunks of bytes that arrived while frozen and wait for {@link #thaw}. */
  public long chunksHeld() {
    return chunksHeld.get();
  }

  /** From now on no byte passes in either direction; connections (and new ones) stay open. */
  public void freeze() {
    frozen = true;
  }

  /** From now on every chunk from the service reaches the client {@code millis} later ({@code 0}: at once). */
  public void delayReplies(long millis) {
    replyDelayMillis = millis;
  }

  /** Bytes flow again, held ones first. */
  public void thaw() {
    synchronized (gate) {
      frozen = false;
      chunksHeld.set(0);
      gate.notifyAll();
    }
  }

  /** Aborts every open connection with a RST (SO_LINGER 0); new connections are accepted as before. */
  public void reset() {
    for (Socket socket : sockets) {
      try {
        socket.setSoLinger(true, 0);
        socket.close();
      } catch (IOException ignored) {
        // already gone
      }
    }
    sockets.clear();
  }

  @Override
  public void close() {
    thaw();
    try {
      server.close();
    } catch (IOException ignored) {
      // closing anyway
    }
    reset();
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        accepted.incrementAndGet();
        Socket upstream = new Socket();
        upstream.connect(target, 5_000);
        sockets.add(client);
        sockets.add(upstream);
        pump(client, upstream, false);
        pump(upstream, client, true);
      } catch (IOException e) {
        if (server.isClosed()) {
          return;
        }
      }
    }
  }

  private void pump(Socket from, Socket to, boolean replies) {
    Thread thread = new Thread(() -> {
      byte[] buffer = new byte[16 * 1024];
      try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
          awaitThawed();
          long delayMillis = replies ? replyDelayMillis : 0;
          if (delayMillis > 0) {
            Thread.sleep(delayMillis);
          }
          out.write(buffer, 0, n);
          out.flush();
        }
      } catch (SocketException closed) {
        // reset or closed by one side
      } catch (IOException | InterruptedException e) {
        // the connection ends
      } finally {
        closeQuietly(from);
        closeQuietly(to);
      }
    }, "tcp-proxy-pump");
    thread.setDaemon(true);
    thread.start();
  }

  private void awaitThawed() throws InterruptedException {
    synchronized (gate) {
      if (frozen) {
        chunksHeld.incrementAndGet();
      }
      while (frozen) {
        gate.wait();
      }
    }
  }

  private void closeQuietly(Socket socket) {
    sockets.remove(socket);
    try {
      socket.close();
    } catch (IOException ignored) {
      // already closed
    }
  }
}
