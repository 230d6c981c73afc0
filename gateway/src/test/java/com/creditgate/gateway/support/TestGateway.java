package com.creditgate.gateway.support;

import com.creditgate.gateway.Gateway;
import com.creditgate.gateway.config.ConfigLoader;
import com.creditgate.gateway.config.GatewayConfig;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * A real gateway on real Postgres and Redis (a fresh database and key prefix), listening on a free port,
 * with a web client for it. Settings may be overridden per test class. Close it after the class.
 */
public final class TestGateway implements AutoCloseable {
  public static final String API_KEY = ConfigLoader.DEMO_API_KEY;
  public static final String ADMIN_TOKEN = ConfigLoader.DEMO_ADMIN_TOKEN;

  private final Vertx vertx;
  private final Gateway gateway;
  private final WebClient client;
  private final Map<String, String> settings;

  private TestGateway(Vertx vertx, Gateway gateway, WebClient client, Map<String, String> settings) {
    this.vertx = vertx;
    this.gateway = gateway;
    this.client = client;
    this.settings = settings;
  }

  /** Default settings on a fresh database and Redis prefix. */
  public static Map<String, String> freshSettings(Vertx vertx) {
    Map<String, String> env = new HashMap<>();
    env.put("PG_URL", TestServices.freshDatabase(vertx));
    env.put("REDIS_URL", TestServices.redisUrl());
    env.put("REDIS_KEY_PREFIX", TestServices.freshRedisPrefix());
    env.put("VERTICLE_INSTANCES", "2");
    env.put("PG_POOL_SIZE", "4");
    env.put("REQUEST_DEADLINE_MILLIS", "2000");
    env.put("SHUTDOWN_DRAIN_DELAY_MILLIS", "0");
    return env;
  }

  /** Starts a gateway with {@code settings} (see {@link #freshSettings}) on a free port. */
  public static TestGateway start(Vertx vertx, Map<String, String> settings, Clock clock) {
    Map<String, String> env = new HashMap<>(settings);
    int port = TestServices.freePort();
    env.put("HTTP_PORT", Integer.toString(port));
    env.put("HTTP_HOST", "127.0.0.1");
    GatewayConfig config = ConfigLoader.load(env);
    Gateway gateway = TestServices.await(Gateway.start(vertx, config, clock));
    WebClient client = WebClient.create(vertx, new WebClientOptions().setDefaultHost("127.0.0.1")
        .setDefaultPort(port), new io.vertx.core.http.PoolOptions().setHttp1MaxSize(64));
    return new TestGateway(vertx, gateway, client, env);
  }

  public Gateway gateway() {
    return gateway;
  }

  /** The settings this gateway started with (including its port). */
  public Map<String, String> settings() {
    return settings;
  }

  /** An authenticated request to {@code path}. */
  public HttpRequest<Buffer> request(io.vertx.core.http.HttpMethod method, String path) {
    return client.request(method, path).putHeader("Authorization", "Bearer " + API_KEY);
  }

  /** POSTs {@code body} with the client key and waits for the answer. */
  public HttpResponse<Buffer> post(String path, JsonObject body) {
    return TestServices.await(request(io.vertx.core.http.HttpMethod.POST, path).sendJsonObject(body));
  }

  /** PUTs {@code body} with the client key and waits for the answer. */
  public HttpResponse<Buffer> put(String path, JsonObject body) {
    return TestServices.await(request(io.vertx.core.http.HttpMethod.PUT, path).sendJsonObject(body));
  }

  /** GETs {@code path} with the client key and waits for the answer. */
  public HttpResponse<Buffer> get(String path) {
    return TestServices.await(request(io.vertx.core.http.HttpMethod.GET, path).send());
  }

  /** DELETEs {@code path} with the client key and waits for the answer. */
  public HttpResponse<Buffer> delete(String path) {
    return TestServices.await(request(io.vertx.core.http.HttpMethod.DELETE, path).send());
  }

  /** Runs {@code sql} with {@code args} on this gateway's database (test-side checks) and returns the rows. */
  public io.vertx.sqlclient.RowSet<io.vertx.sqlclient.Row> sql(String sql, Object... args) {
    return new Sql(vertx, settings.get("PG_URL")).query(sql, args);
  }

  /** Test-side queries on a database. */
  public record Sql(Vertx vertx, String pgUrl) {
    /** Runs {@code sql} with {@code args} on a short-lived connection and returns the rows. */
    public io.vertx.sqlclient.RowSet<io.vertx.sqlclient.Row> query(String sql, Object... args) {
      io.vertx.sqlclient.Pool pool = io.vertx.pgclient.PgBuilder.pool()
          .connectingTo(io.vertx.pgclient.PgConnectOptions.fromUri(pgUrl)).using(vertx).build();
      return TestServices.await(pool.preparedQuery(sql).execute(io.vertx.sqlclient.Tuple.from(args))
          .eventually(pool::close));
    }
  }

  /** The raw client, for custom headers. */
  public WebClient client() {
    return client;
  }

  @Override
  public void close() {
    client.close();
    TestServices.await(gateway.stop());
  }

  /** The vertx this gateway runs on. */
  public Vertx vertx() {
    return vertx;
  }
}
