package com.creditgate.gateway.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.creditgate.gateway.support.Accounts;
import com.creditgate.gateway.support.Scrape;
import com.creditgate.gateway.support.TestGateway;
import com.creditgate.gateway.support.TestServices;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Grafana dashboard and the PrometheusRule in {@code k8s/base/observability} query only metrics this
 * gateway really exports: every {@code creditgate_*} name in them is checked against a live {@code /metrics}
 * scrape taken after limit-checks and holds (so route- and decision-labelled series exist).
 */
class ObservabilityAssetsIntegrationTests {
  private static final Path OBSERVABILITY = Path.of("..", "k8s", "base", "observability");
  private static final Pattern METRIC = Pattern.compile("\\bcreditgate_[a-z0-9_]+");
  private static Vertx vertx;
  private static TestGateway gateway;
  private static Set<String> exported;

  @BeforeAll
  static void scrapeAfterTraffic() {
    vertx = Vertx.vertx();
    gateway = TestGateway.start(vertx, TestGateway.freshSettings(vertx), Clock.systemUTC());
    assertThat(gateway.put("/v1/accounts/obs-1", Accounts.goodProfile()).statusCode()).isEqualTo(201);
    assertThat(gateway.post("/v1/limit-checks", Accounts.check("obs-1", 100)).statusCode()).isEqualTo(200);
    assertThat(gateway.post("/v1/holds", new JsonObject().put("accountId", "obs-1").put("amount", 100))
        .statusCode()).isEqualTo(201);
    exported = seriesNames(Scrape.of(gateway).text());
  }

  @AfterAll
  static void stop() {
    if (gateway != null) {
      gateway.close();
    }
    TestServices.await(vertx.close());
  }

  @Test
  void everyDashboardPanelQueriesExportedMetrics() throws IOException {
    JsonObject dashboard = new JsonObject(Files.readString(OBSERVABILITY.resolve("creditgate-dashboard.json")));
    assertThat(dashboard.getString("uid")).isEqualTo("creditgate-gateway");
    JsonArray panels = dashboard.getJsonArray("panels");
    assertThat(panels).isNotEmpty();
    List<String> expressions = new ArrayList<>();
    for (Object panel : panels) {
      JsonArray targets = ((JsonObject) panel).getJsonArray("targets");
      assertThat(targets).as("targets of %s", panel).isNotEmpty();
      targets.forEach(target -> expressions.add(((JsonObject) target).getString("expr")));
    }
    for (String expr : expressions) {
      assertThat(metricsIn(expr)).as("metrics queried by %s", expr).isNotEmpty().isSubsetOf(exported);
    }
  }

  @Test
  void everyAlertRuleUsesExportedMetrics() throws IOException {
    String rules = Files.readString(OBSERVABILITY.resolve("prometheusrule.yaml"));
    assertThat(rules).contains("kind: PrometheusRule");
    Set<String> used = metricsIn(rules);
    assertThat(used).contains("creditgate_http_server_requests_seconds_count",
        "creditgate_limit_check_duration_seconds_bucket", "creditgate_limit_checks_degraded_total",
        "creditgate_audit_overflow_total", "creditgate_dependency_breaker_open");
    assertThat(used).isSubsetOf(exported);
  }

  @Test
  void aMetricTheGatewayDoesNotExportIsCaught() {
    assertThat(metricsIn("rate(creditgate_limit_checks_declined_total[5m])")).isNotEmpty()
        .doesNotContainAnyElementsOf(exported);
  }

  private static Set<String> metricsIn(String text) {
    Set<String> names = new TreeSet<>();
    Matcher matcher = METRIC.matcher(text);
    while (matcher.find()) {
      names.add(matcher.group());
    }
    return names;
  }

  /** Sample names of a Prometheus text scrape ({@code name{labels} value} or {@code name value}). */
  private static Set<String> seriesNames(String scrape) {
    Set<String> names = new TreeSet<>();
    for (String line : scrape.split("\n")) {
      if (!line.isBlank() && !line.startsWith("#")) {
        int end = line.indexOf('{') >= 0 ? line.indexOf('{') : line.indexOf(' ');
        names.add(line.substring(0, end));
      }
    }
    return names;
  }
}
