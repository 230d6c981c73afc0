package com.creditgate.gateway.support;

import io.vertx.sqlclient.Pool;
import java.util.concurrent.TimeUnit;

/**
 * Waits (bounded, polling {@code pg_stat_activity}) for what the other sessions on a test's database are doing: a
 * statement waiting for a lock the test holds, or a statement that must be over before the test looks at the data.
 */
public final class PgActivity {
  private static final long WAIT_MAX_SECONDS = 10;
  private static final long POLL_MILLIS = 20;

  private PgActivity() {}

  /** Waits until a session on {@code direct}'s database waits for a lock. */
  public static void awaitBlockedOnALock(Pool direct) throws InterruptedException {
    await(direct, "wait_event_type = 'Lock'", true, "no statement ever waited for the lock");
  }

  /**
   * Waits until no session on {@code direct}'s database runs a statement starting with {@code prefix} (applied,
   * refused or cancelled: over).
   */
  public static void awaitNoneRunning(Pool direct, String prefix) throws InterruptedException {
    await(direct, "state = 'active' AND starts_with(query, '" + prefix.replace("'", "''") + "')", false,
        "a statement starting with " + prefix + " never ended");
  }

  private static void await(Pool direct, String condition, boolean present, String failure)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_MAX_SECONDS);
    while (System.nanoTime() < deadline) {
      long matching = TestServices.await(direct.query("SELECT count(*) AS n FROM pg_stat_activity"
          + " WHERE datname = current_database() AND pid <> pg_backend_pid() AND " + condition).execute())
          .iterator().next().getLong("n");
      if ((matching > 0) == present) {
        return;
      }
      Thread.sleep(POLL_MILLIS);
    }
    throw new AssertionError(failure);
  }
}
