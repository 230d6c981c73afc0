package com.creditgate.gateway.support;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.util.concurrent.TimeUnit;
import org.slf4j.LoggerFactory;

/**
 * A Vert.x for gateway tests whose event loops may run at most {@link #EXECUTE_MAX_MILLIS} per task, with
 * the blocked-thread checker's reports captured: {@link #assertNeverBlocked()} turns a blocked loop into a
 * failed test instead of a log line. The bound is generous for a loaded 2-core CI machine and still a
 * quarter of Vert.x's default.
 */
public final class TestVertx {
  public static final long EXECUTE_MAX_MILLIS = 500;
  private static final String CHECKER_LOGGER = "vertx-blocked-thread-checker";

  private final Vertx vertx;
  private final ListAppender<ILoggingEvent> reports = new ListAppender<>();

  private TestVertx() {
    reports.start();
    ((Logger) LoggerFactory.getLogger(CHECKER_LOGGER)).addAppender(reports);
    this.vertx = Vertx.vertx(new VertxOptions()
        .setMaxEventLoopExecuteTime(EXECUTE_MAX_MILLIS).setMaxEventLoopExecuteTimeUnit(TimeUnit.MILLISECONDS)
        .setBlockedThreadCheckInterval(100).setBlockedThreadCheckIntervalUnit(TimeUnit.MILLISECONDS));
  }

  /**
   * A plain Vert.x whose event-loop tasks may run at most 200 ms before the blocked-thread checker reports them
   * (in the log only; {@link #create()} turns reports into failures).
   */
  public static Vertx loopLimited() {
    return Vertx.vertx(new VertxOptions().setMaxEventLoopExecuteTime(200)
        .setMaxEventLoopExecuteTimeUnit(TimeUnit.MILLISECONDS));
  }

  /** A new Vert.x watched for blocked event loops. */
  public static TestVertx create() {
    return new TestVertx();
  }

  public Vertx vertx() {
    return vertx;
  }

  /** Fails when any event loop of this Vert.x ran one task longer than {@link #EXECUTE_MAX_MILLIS}. */
  public void assertNeverBlocked() {
    long blocked = reports.list.stream().filter(e -> e.getFormattedMessage().contains("vert.x-eventloop")).count();
    if (blocked > 0) {
      throw new AssertionError("an event loop was blocked: " + reports.list.get(0).getFormattedMessage());
    }
  }

  /** Closes Vert.x and stops capturing. */
  public void close() {
    TestServices.await(vertx.close());
    ((Logger) LoggerFactory.getLogger(CHECKER_LOGGER)).detachAppender(reports);
  }
}
