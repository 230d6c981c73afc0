package com.creditgate.gateway.ops;

/**
 * Whether this process is draining for shutdown: readiness then answers 503 so load balancers stop sending
 * traffic while in-flight requests finish. Thread-safe.
 */
public final class Lifecycle {
  private volatile boolean draining;

  /** From now on readiness is down. */
  public void startDraining() {
    draining = true;
  }

  public boolean draining() {
    return draining;
  }
}
