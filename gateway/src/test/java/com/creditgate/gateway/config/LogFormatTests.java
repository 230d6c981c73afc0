package com.creditgate.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.status.Status;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

/** The shipped logback.xml: {@code LOG_FORMAT=json} writes one JSON object per line; text stays the default. */
class LogFormatTests {

  @Test
  void jsonFormatWritesOneObjectPerLine() throws Exception {
    List<String> lines = logThrough("json");
    assertThat(lines).hasSize(2);
    JsonObject info = new JsonObject(lines.get(0));
    assertThat(info.getString("level")).isEqualTo("INFO");
    assertThat(info.getString("loggerName")).isEqualTo("creditgate.test");
    assertThat(info.getString("formattedMessage")).isEqualTo("hold hld_1 captured 100 of \"acc-1\"");
    assertThat(info.getLong("timestamp")).isPositive();
    JsonObject error = new JsonObject(lines.get(1));
    assertThat(error.getString("level")).isEqualTo("ERROR");
    assertThat(error.getJsonObject("throwable").getString("message")).isEqualTo("boom\non two lines");
  }

  @Test
  void textFormatIsTheDefault() throws Exception {
    List<String> lines = logThrough(null);
    assertThat(lines.get(0)).contains("INFO", "creditgate.test", "hold hld_1 captured 100 of \"acc-1\"");
    assertThatThrownBy(() -> new JsonObject(lines.get(0))).isInstanceOf(DecodeException.class);
  }

  @Test
  void anotherFormatFailsTheStart() {
    assertThatThrownBy(() -> ConfigLoader.load(Map.of("LOG_FORMAT", "xml")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("LOG_FORMAT");
  }

  /** Configures a fresh logback context from the shipped file and returns what two log calls print. */
  private static List<String> logThrough(String format) throws Exception {
    LoggerContext context = new LoggerContext();
    context.setMDCAdapter(new LogbackMDCAdapter());
    if (format != null) {
      context.putProperty("LOG_FORMAT", format);
    }
    PrintStream stdout = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      JoranConfigurator configurator = new JoranConfigurator();
      configurator.setContext(context);
      configurator.doConfigure(LogFormatTests.class.getResource("/logback.xml"));
      assertThat(context.getStatusManager().getCopyOfStatusList()).allSatisfy(
          status -> assertThat(status.getLevel()).as(status.getMessage()).isEqualTo(Status.INFO));
      Logger log = context.getLogger("creditgate.test");
      log.info("hold {} captured {} of \"{}\"", "hld_1", 100, "acc-1");
      log.error("capture failed", new IllegalStateException("boom\non two lines"));
    } finally {
      context.stop();
      System.setOut(stdout);
    }
    return captured.toString(StandardCharsets.UTF_8).lines().toList();
  }
}
