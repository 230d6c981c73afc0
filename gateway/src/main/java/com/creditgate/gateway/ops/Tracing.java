package com.creditgate.gateway.ops;

import com.creditgate.gateway.config.TracingSettings;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.tracing.opentelemetry.OpenTelemetryOptions;
import io.vertx.tracing.opentelemetry.OpenTelemetryTracingFactory;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The process's OpenTelemetry SDK and the Vert.x instance traced by it. Vert.x makes the spans: the HTTP
 * server (policy ALWAYS, W3C {@code traceparent} honoured) and the Postgres and Redis clients (policy
 * PROPAGATE: a span only inside a traced request; see {@code PgPools}, {@code RedisClients}). Spans are
 * batched off the event loop and exported over OTLP/HTTP; a full queue drops spans, never blocks a request.
 * Without tracing nothing is installed and requests pay nothing.
 */
public final class Tracing implements AutoCloseable {
  private final OpenTelemetrySdk sdk;

  private Tracing(OpenTelemetrySdk sdk) {
    this.sdk = sdk;
  }

  /** Tracing to the OTLP/HTTP collector of {@code settings}. */
  public static Tracing otlp(TracingSettings settings) {
    SpanExporter exporter = OtlpHttpSpanExporter.builder()
        .setEndpoint(settings.otlpEndpoint().replaceAll("/+$", "") + "/v1/traces")
        .setTimeout(Duration.ofMillis(settings.exportTimeoutMillis()))
        .build();
    return to(exporter, settings);
  }

  /** Tracing to {@code exporter} (tests use an in-memory one). */
  public static Tracing to(SpanExporter exporter, TracingSettings settings) {
    BatchSpanProcessor processor = BatchSpanProcessor.builder(exporter)
        .setMaxQueueSize(settings.queueMax())
        .setMaxExportBatchSize(Math.min(512, settings.queueMax()))
        .setExporterTimeout(Duration.ofMillis(settings.exportTimeoutMillis()))
        .build();
    SdkTracerProvider provider = SdkTracerProvider.builder()
        .setResource(Resource.getDefault().merge(Resource.create(
            Attributes.of(AttributeKey.stringKey("service.name"), settings.serviceName()))))
        .setSampler(Sampler.parentBased(Sampler.traceIdRatioBased(settings.sampleRatio())))
        .addSpanProcessor(processor)
        .build();
    return new Tracing(OpenTelemetrySdk.builder().setTracerProvider(provider)
        .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
        .build());
  }

  /** A Vert.x instance whose servers and clients report to this SDK. */
  public Vertx vertx(VertxOptions options) {
    VertxOptions traced = new VertxOptions(options).setTracingOptions(new OpenTelemetryOptions());
    return Vertx.builder().with(traced).withTracer(new OpenTelemetryTracingFactory(sdk)).build();
  }

  /** Exports the spans buffered now; blocks up to {@code timeoutMillis}. */
  public void flush(long timeoutMillis) {
    sdk.getSdkTracerProvider().forceFlush().join(timeoutMillis, TimeUnit.MILLISECONDS);
  }

  /** Exports what is buffered and shuts the SDK down; blocks up to the export deadline. */
  @Override
  public void close() {
    sdk.close();
  }
}
