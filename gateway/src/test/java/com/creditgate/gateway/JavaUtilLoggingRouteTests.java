package com.creditgate.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/** java.util.logging records (the OpenTelemetry SDK's export failures) reach logback, hence LOG_FORMAT. */
class JavaUtilLoggingRouteTests {
  private static final String NAME = "io.opentelemetry.exporter.internal.http.HttpExporter";

  @AfterEach
  void uninstall() {
    SLF4JBridgeHandler.uninstall();
  }

  @Test
  void julWarningArrivesAtLogback() {
    Main.routeJavaUtilLogging();
    Logger logback = (Logger) LoggerFactory.getLogger(NAME);
    ListAppender<ILoggingEvent> appender = new ListAppender<>();
    appender.start();
    logback.addAppender(appender);
    try {
      java.util.logging.Logger.getLogger(NAME).warning("Failed to export spans: connection refused");
    } finally {
      logback.detachAppender(appender);
    }
    assertThat(appender.list).singleElement().satisfies(event -> {
      assertThat(event.getLevel()).isEqualTo(Level.WARN);
      assertThat(event.getFormattedMessage()).isEqualTo("Failed to export spans: connection refused");
    });
  }
}
