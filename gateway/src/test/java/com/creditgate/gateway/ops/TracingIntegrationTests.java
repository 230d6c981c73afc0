package com.creditgate.gateway.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.creditgate.gateway.config.TracingSettings;
import com.creditgate.gateway.support.Accounts;
import com.creditgate.gateway.support.TestGateway;
import com.creditgate.gateway.support.TestServices;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Tracing on real Postgres and Redis: each request has a server span, and every Postgres and Redis span is in a
 * request's trace (policy PROPAGATE: migrations and background loops, outside any request, make none).
 */
class TracingIntegrationTests {
  private static final AttributeKey<String> DB_SYSTEM = AttributeKey.stringKey("db.system");

  @Test
  void requestSpansContainTheirPostgresAndRedisSpans() {
    InMemorySpanExporter exporter = InMemorySpanExporter.create();
    Tracing tracing = Tracing.to(exporter, new TracingSettings(true, "http://localhost:4318", "creditgate-test",
        1.0, 2_048, 1_000));
    Vertx vertx = tracing.vertx(new VertxOptions().setMaxEventLoopExecuteTime(200)
        .setMaxEventLoopExecuteTimeUnit(TimeUnit.MILLISECONDS));
    Map<String, String> settings = TestGateway.freshSettings(vertx);
    settings.put("L1_MAX_ACCOUNTS", "0");
    TestGateway gateway = TestGateway.start(vertx, settings, Clock.systemUTC());
    try {
      assertThat(gateway.put("/v1/accounts/traced-1", Accounts.goodProfile()).statusCode()).isEqualTo(201);
      assertThat(gateway.post("/v1/limit-checks", Accounts.check("traced-1", 100)).statusCode()).isEqualTo(200);
    } finally {
      gateway.close();
      TestServices.await(vertx.close());
      tracing.flush(10_000);
    }
    List<SpanData> spans = exporter.getFinishedSpanItems();
    tracing.close();
    Set<String> requestTraces = spans.stream().filter(s -> s.getKind() == SpanKind.SERVER)
        .map(SpanData::getTraceId).collect(Collectors.toSet());
    assertThat(requestTraces).hasSizeGreaterThanOrEqualTo(2);
    List<SpanData> postgres = clientSpans(spans, "postgresql");
    List<SpanData> redis = clientSpans(spans, "redis");
    assertThat(postgres).isNotEmpty();
    assertThat(redis).isNotEmpty();
    assertThat(postgres).allSatisfy(s -> assertThat(requestTraces).contains(s.getTraceId()));
    assertThat(redis).allSatisfy(s -> assertThat(requestTraces).contains(s.getTraceId()));
    assertThat(spans).allSatisfy(s -> assertThat(s.getResource().getAttribute(AttributeKey.stringKey("service.name")))
        .isEqualTo("creditgate-test"));
  }

  private static List<SpanData> clientSpans(List<SpanData> spans, String system) {
    return spans.stream().filter(s -> s.getKind() == SpanKind.CLIENT && system.equals(s.getAttributes().get(DB_SYSTEM)))
        .toList();
  }
}
