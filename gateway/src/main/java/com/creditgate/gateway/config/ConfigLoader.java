package com.creditgate.gateway.config;

import com.creditgate.gateway.config.GatewayConfig.RedisMode;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Builds a {@link GatewayConfig} from environment variables and an optional JSON file ({@code CONFIG_FILE},
 * same keys as the variables; the environment wins). Runs once at start, before any event loop exists.
 */
public final class ConfigLoader {
  /** The documented demo client key, accepted only when no API keys are configured. */
  public static final String DEMO_API_KEY = "cg_demo_3f9a1c7e5b2d4680";
  /** The documented demo admin token, accepted only when no admin token is configured. */
  public static final String DEMO_ADMIN_TOKEN = "cg_admin_demo_8e2b6d4f0a1c3957";

  private final Map<String, String> values;

  private ConfigLoader(Map<String, String> values) {
    this.values = values;
  }

  /** Loads from {@code env} (normally {@link System#getenv()}) and the file it names, if any. */
  public static GatewayConfig load(Map<String, String> env) {
    Map<String, String> merged = new HashMap<>();
    String file = env.get("CONFIG_FILE");
    if (file != null && !file.isBlank()) {
      new JsonObject(read(Path.of(file))).forEach(e -> merged.put(e.getKey(), String.valueOf(e.getValue())));
    }
    merged.putAll(env);
    return new ConfigLoader(merged).build();
  }

  private GatewayConfig build() {
    checkLogFormat();
    Map<String, String> apiKeys = ApiKeyList.parse(text("API_KEYS").orElse(""));
    text("API_KEYS_FILE").ifPresent(path -> apiKeys.putAll(ApiKeyList.parse(read(Path.of(path)))));
    Optional<String> adminHash = text("ADMIN_TOKEN_SHA256")
        .or(() -> text("ADMIN_TOKEN_SHA256_FILE").map(path -> read(Path.of(path)).trim()));
    boolean demo = apiKeys.isEmpty() || adminHash.isEmpty();
    if (apiKeys.isEmpty()) {
      apiKeys.put(TokenHash.sha256Hex(DEMO_API_KEY), "demo");
    }
    int cores = Runtime.getRuntime().availableProcessors();
    return new GatewayConfig(
        text("HTTP_HOST").orElse("0.0.0.0"),
        integer("HTTP_PORT", 8080),
        integer("VERTICLE_INSTANCES", cores),
        text("PG_URL"),
        text("PG_PASSWORD"),
        integer("PG_POOL_SIZE", 8),
        text("REDIS_URL"),
        RedisMode.valueOf(text("REDIS_MODE").orElse("standalone").toUpperCase(Locale.ROOT)),
        text("REDIS_PASSWORD"),
        text("REDIS_KEY_PREFIX").orElse("cg:"),
        apiKeys,
        adminHash.orElse(TokenHash.sha256Hex(DEMO_ADMIN_TOKEN)),
        demo,
        integer("L1_MAX_ACCOUNTS", 200_000),
        longValue("L1_TTL_MILLIS", 30_000),
        longValue("L2_TTL_SECONDS", 3_600),
        longValue("REQUEST_DEADLINE_MILLIS", 50),
        integer("BODY_LIMIT_BYTES", 16_384),
        integer("INFLIGHT_MAX_PER_VERTICLE", 2_048),
        integer("EMBEDDED_ACCOUNTS", 10_000),
        text("EMBEDDED_PG_DIR").orElse(System.getProperty("java.io.tmpdir") + "/creditgate"),
        text("MODEL_RESOURCE").orElse("models/scorecard-default.json"),
        new OpsLimits(longValue("RATE_LIMIT_PER_SECOND", 0), longValue("RATE_LIMIT_BURST", 100),
            integer("BREAKER_MAX_FAILURES", 5), longValue("BREAKER_RESET_MILLIS", 2_000),
            longValue("BREAKER_CALL_TIMEOUT_MILLIS", Math.max(1_000, longValue("REQUEST_DEADLINE_MILLIS", 50))),
            integer("API_KEY_CACHE_MAX", 1_024)),
        money(),
        longValue("SHUTDOWN_GRACE_MILLIS", 20_000),
        text("INSTANCE_ID").or(() -> text("HOSTNAME")).orElse("creditgate-" + ProcessHandle.current().pid()),
        tracing(),
        faults());
  }

  private TracingSettings tracing() {
    Optional<String> endpoint = text("OTEL_EXPORTER_OTLP_ENDPOINT");
    return new TracingSettings(
        bool("TRACING_ENABLED", endpoint.isPresent()),
        endpoint.orElse("http://localhost:4318"),
        text("OTEL_SERVICE_NAME").orElse("creditgate-gateway"),
        decimal("TRACING_SAMPLE_RATIO", 0.01),
        integer("TRACING_QUEUE_MAX", 2_048),
        longValue("TRACING_EXPORT_TIMEOUT_MILLIS", 10_000));
  }

  /** {@code LOG_FORMAT} is read by logback.xml itself; checked here so a typo fails the start, not the logs. */
  private void checkLogFormat() {
    String format = text("LOG_FORMAT").orElse("text");
    if (!format.equals("text") && !format.equals("json")) {
      throw new IllegalArgumentException("LOG_FORMAT must be text or json, was '" + format + "'");
    }
  }

  private FaultLimits faults() {
    return new FaultLimits(
        longValue("MONEY_WRITE_DEADLINE_MILLIS", 2_000),
        integer("HTTP_IDLE_TIMEOUT_SECONDS", 75),
        longValue("HTTP_HEADER_READ_TIMEOUT_MILLIS", 10_000),
        longValue("HTTP_REQUEST_BODY_TIMEOUT_MILLIS", 10_000),
        longValue("SHUTDOWN_DRAIN_DELAY_MILLIS", 5_000),
        longValue("STARTUP_ATTEMPT_TIMEOUT_MILLIS", 5_000),
        longValue("STARTUP_BACKOFF_MAX_MILLIS", 5_000),
        longValue("STARTUP_MAX_MILLIS", 300_000),
        integer("MODEL_UPLOAD_MAX_BYTES", 16 * 1024 * 1024),
        integer("MODEL_UPLOADS_IN_FLIGHT_MAX", 1));
  }

  private MoneySettings money() {
    return new MoneySettings(
        integer("HOLD_TTL_DEFAULT_SECONDS", 900),
        integer("HOLD_TTL_MAX_SECONDS", 86_400),
        longValue("HOLD_SWEEP_INTERVAL_MILLIS", 1_000),
        integer("HOLD_SWEEP_BATCH", 500),
        integer("AUDIT_QUEUE_MAX", 65_536),
        integer("AUDIT_BATCH_MAX", 2_000),
        longValue("AUDIT_FLUSH_MILLIS", 50),
        longValue("BATCH_REVIEW_INTERVAL_SECONDS", 0),
        integer("BATCH_REVIEW_PAGE_SIZE", 500),
        longValue("RISK_CONFIG_POLL_MILLIS", 2_000),
        integer("AUDIT_RETENTION_MONTHS", 25),
        integer("AUDIT_PARTITION_DAYS_AHEAD", 7));
  }

  private Optional<String> text(String key) {
    String value = values.get(key);
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
  }

  private int integer(String key, int defaultValue) {
    return Math.toIntExact(longValue(key, defaultValue));
  }

  private boolean bool(String key, boolean defaultValue) {
    Optional<String> value = text(key);
    if (value.isEmpty()) {
      return defaultValue;
    }
    return switch (value.get().toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new IllegalArgumentException(key + " must be true or false, was '" + value.get() + "'");
    };
  }

  private double decimal(String key, double defaultValue) {
    Optional<String> value = text(key);
    try {
      return value.isPresent() ? Double.parseDouble(value.get()) : defaultValue;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + " must be a number, was '" + value.get() + "'", e);
    }
  }

  private long longValue(String key, long defaultValue) {
    Optional<String> value = text(key);
    try {
      return value.isPresent() ? Long.parseLong(value.get()) : defaultValue;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + " must be an integer, was '" + value.get() + "'", e);
    }
  }

  private static String read(Path path) {
    try {
      return Files.readString(path, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read configuration file " + path, e);
    }
  }
}
