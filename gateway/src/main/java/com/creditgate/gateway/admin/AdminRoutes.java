package com.creditgate.gateway.admin;

import com.creditgate.gateway.error.GatewayException;
import com.creditgate.gateway.http.JsonBody;
import com.creditgate.gateway.http.Responses;
import com.creditgate.gateway.http.RouteModule;
import com.creditgate.gateway.http.Validation;
import com.creditgate.gateway.reviews.BatchReview;
import com.creditgate.gateway.risk.ModelDocuments;
import com.creditgate.gateway.risk.RiskEngine;
import com.creditgate.gateway.runtime.GatewayServices;
import com.creditgate.gateway.runtime.StorageClients;
import com.creditgate.gateway.store.cache.InvalidationSubscriber;
import com.creditgate.scoring.feature.FeatureSchema;
import com.creditgate.scoring.model.CreditModel;
import com.creditgate.scoring.model.ModelProbe;
import com.creditgate.scoring.model.gbdt.GbdtReader;
import com.creditgate.scoring.policy.PolicyDocument;
import com.creditgate.scoring.policy.PolicyDocumentReader;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.sqlclient.Pool;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admin API (admin token): versioned policy and model documents (immutable once published), activation,
 * challenger with a traffic share, rollback. A change is a new revision in Postgres; this replica reloads it
 * before answering and tells the others through Redis pub/sub (they also poll).
 */
public final class AdminRoutes implements RouteModule {
  private static final Logger LOG = LoggerFactory.getLogger(AdminRoutes.class);

  private final Vertx vertx;
  private final Pool pool;
  private final Redis redis;
  private final String keyPrefix;
  private final RiskEngine engine;
  private final RiskConfigLoader loader;
  private final RiskConfigRepository repository = new RiskConfigRepository();
  private final BatchReview batch;
  private final Clock clock;
  private final String instanceId;

  /** The storage's Redis client may be {@code null}: replicas then find changes by polling. */
  public AdminRoutes(Vertx vertx, GatewayServices services, StorageClients storage, BatchReview batch) {
    this.vertx = vertx;
    this.pool = storage.pool();
    this.redis = storage.redis();
    this.keyPrefix = services.config().redisKeyPrefix();
    this.engine = services.engine();
    this.batch = batch;
    this.clock = services.clock();
    this.instanceId = services.config().instanceId();
    this.loader = new RiskConfigLoader(vertx, pool, engine);
  }

  @Override
  public void mount(Router router) {
    router.get("/admin/config").handler(this::config);
    router.get("/admin/policies").handler(ctx -> answer(ctx, repository.policies(pool).map(list ->
        new JsonObject().put("active", engine.active().policyDocument().version()).put("policies", list))));
    router.get("/admin/policies/:version").handler(ctx -> answer(ctx, repository.policy(pool, version(ctx))));
    router.put("/admin/policies/:version").handler(this::publishPolicy);
    router.post("/admin/policies/:version/activate").handler(ctx -> {
      String version = version(ctx);
      change(ctx, repository.policy(pool, version),
          c -> new RiskConfig(0, version, c.championVersion(), c.challengerVersion(), c.challengerShare(),
              "activate policy " + version));
    });
    router.get("/admin/models").handler(ctx -> answer(ctx, repository.models(pool).map(list ->
        new JsonObject().put("champion", engine.active().model().version()).put("models", list))));
    router.get("/admin/models/:version").handler(ctx -> repository.model(pool, version(ctx))
        .onSuccess(bytes -> ctx.response().putHeader("Content-Type", "application/json").end(Buffer.buffer(bytes)))
        .onFailure(ctx::fail));
    router.put("/admin/models/:version").handler(this::publishModel);
    router.post("/admin/models/:version/activate").handler(ctx -> {
      String version = version(ctx);
      change(ctx, probed(version),
          c -> new RiskConfig(0, c.policyVersion(), version, c.challengerVersion(), c.challengerShare(),
              "activate model " + version));
    });
    router.put("/admin/challenger").handler(this::setChallenger);
    router.delete("/admin/challenger").handler(ctx -> change(ctx, Future.succeededFuture(),
        c -> new RiskConfig(0, c.policyVersion(), c.championVersion(), null, 0, "remove challenger")));
    router.post("/admin/rollback").handler(this::rollback);
    router.post("/admin/batch-reviews").handler(this::batchReview);
  }

  /** Runs the batch review now (once per run key across replicas); answers its summary. */
  private void batchReview(RoutingContext ctx) {
    String runKey = ctx.body().length() <= 0 ? BatchReview.dailyKey(clock)
        : JsonBody.of(ctx.body().buffer()).optionalString("runKey", Validation.ID).orElse(BatchReview.dailyKey(clock));
    answer(ctx, batch.run(runKey, instanceId));
  }

  private void config(RoutingContext ctx) {
    RiskEngine.Active active = engine.active();
    answer(ctx, Future.succeededFuture(new JsonObject()
        .put("revision", active.revision())
        .put("policyVersion", active.policyDocument().version())
        .put("championVersion", active.model().version())
        .put("challengerVersion", active.challenger() == null ? null : active.challenger().version())
        .put("challengerShare", active.challengerShare())
        .put("shadowScored", engine.shadowScored())
        .put("shadowDisagreements", engine.shadowDisagreements())));
  }

  private void publishPolicy(RoutingContext ctx) {
    String version = version(ctx);
    JsonObject given = JsonBody.of(ctx.body().buffer()).json().copy();
    Object declared = given.getValue("version");
    if (declared != null && !version.equals(declared)) {
      throw JsonBody.invalid("version", "must equal the version in the path, " + version);
    }
    given.put("version", version);
    PolicyDocument parsed;
    try {
      parsed = PolicyDocumentReader.read(given.toBuffer().getBytes());
    } catch (IllegalArgumentException e) {
      throw new GatewayException.InvalidRequest(null, e.getMessage());
    }
    JsonObject document = new JsonObject(Buffer.buffer(PolicyDocumentReader.write(parsed)));
    Instant now = clock.instant();
    // Thousands of probe reviews: microseconds each, but more than a request's worth of event-loop time.
    answer(ctx, vertx.executeBlocking(() -> {
      PolicyProbe.requireReviewable(parsed, now);
      return parsed;
    }).compose(probed -> repository.insertPolicy(pool, version, document))
        .map(created -> created(version, created, document)), 201);
  }

  /**
   * Parses the document once, on a worker thread: a large model is seconds of CPU and many times its size in
   * heap while parsed, so it never runs on the event loop (the schema validator skips this operation, see
   * {@code x-creditgate-validation}); {@link ModelUploadGate} bounds its size and admits one at a time.
   */
  private void publishModel(RoutingContext ctx) {
    String version = version(ctx);
    byte[] given = ctx.body().buffer() == null ? new byte[0] : ctx.body().buffer().getBytes();
    List<String> featureNames = featureNames(ctx);
    Future<JsonObject> stored = vertx.executeBlocking(() -> {
      byte[] bytes = featureNames == null ? given : named(given, featureNames, version);
      CreditModel model = readAndProbe(bytes);
      if (!version.equals(model.version())) {
        throw new GatewayException.InvalidRequest("/version",
            "the document's version " + model.version() + " must equal the version in the path, " + version);
      }
      return new Publishable(ModelDocuments.format(model), bytes);
    }, false).compose(model -> repository.insertModel(pool, version, model.format(), model.bytes())
        .map(created -> created(version, created, new JsonObject().put("format", model.format()))));
    answer(ctx, stored, 201);
  }

  /** A checked model document and its format, ready to store. */
  private record Publishable(String format, byte[] bytes) {}

  /**
   * The {@code featureNames} query parameter: the features, in model order, of an XGBoost model trained on a
   * numpy array (comma-separated schema names); {@code null} when absent.
   */
  private static List<String> featureNames(RoutingContext ctx) {
    List<String> values = ctx.queryParam("featureNames");
    if (values.isEmpty()) {
      return null;
    }
    List<String> names = List.of(String.join(",", values).split(",", -1));
    if (names.size() > FeatureSchema.SIZE || names.stream().anyMatch(name -> !name.matches("[A-Za-z0-9_]{1,64}"))) {
      throw new GatewayException.InvalidRequest("featureNames", "must be at most " + FeatureSchema.SIZE
          + " comma-separated feature names");
    }
    return names;
  }

  /** A plain XGBoost model made self-describing with the upload's feature names and the path's version. */
  private static byte[] named(byte[] given, List<String> featureNames, String version) {
    try {
      if (!"xgboost-json".equals(ModelDocuments.format(given))) {
        throw new GatewayException.InvalidRequest("featureNames", "applies to XGBoost JSON models only");
      }
      return GbdtReader.withFeatureNames(given, featureNames, version);
    } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
      throw new GatewayException.InvalidRequest(null, "model-rejected", "model document rejected: " + e.getMessage());
    }
  }

  /**
   * The stored model {@code version}, read and probed again before it may decide: a model published before
   * the probes existed (or stored by hand) cannot go live with a PD that is not a probability.
   */
  private Future<CreditModel> probed(String version) {
    return repository.model(pool, version).compose(bytes -> vertx.executeBlocking(() -> readAndProbe(bytes)));
  }

  /** Parses, compiles and probes a model document (CPU work: off the event loop); 400 with a stable code. */
  private static CreditModel readAndProbe(byte[] bytes) {
    CreditModel model;
    try {
      model = ModelDocuments.read(bytes);
    } catch (RuntimeException e) {
      throw new GatewayException.InvalidRequest(null, "model-rejected", "model document rejected: " + e.getMessage());
    }
    try {
      ModelProbe.requireSound(model);
    } catch (IllegalArgumentException e) {
      throw new GatewayException.InvalidRequest(null, "model-unsound", "model fails its probe scorings: "
          + e.getMessage());
    }
    return model;
  }

  private void setChallenger(RoutingContext ctx) {
    JsonBody body = JsonBody.of(ctx.body().buffer());
    String version = body.requiredString("version", Validation.ID);
    double share = body.optionalDouble("share", 0, 1).orElseThrow(() -> JsonBody.invalid("share", "is required"));
    change(ctx, probed(version), c -> new RiskConfig(0, c.policyVersion(), c.championVersion(),
        version, share, "challenger " + version + " at " + share));
  }

  private void rollback(RoutingContext ctx) {
    Future<RiskConfig> previous = repository.current(pool).compose(current -> repository.previous(pool,
        current.map(RiskConfig::revision).orElse(0L))).map(p -> p.orElseThrow(() ->
        new GatewayException.Conflict("nothing-to-roll-back", "there is no earlier revision")));
    previous.onSuccess(p -> change(ctx, Future.succeededFuture(), c -> new RiskConfig(0, p.policyVersion(),
        p.championVersion(), p.challengerVersion(), p.challengerShare(), "rollback to revision " + p.revision())))
        .onFailure(ctx::fail);
  }

  /** Appends a revision (after {@code precondition}), reloads here, announces it, answers the new config. */
  private void change(RoutingContext ctx, Future<?> precondition, UnaryOperator<RiskConfig> change) {
    precondition
        .compose(v -> pool.withTransaction(conn -> repository.append(conn, change)))
        .compose(config -> loader.reload().map(config))
        .onSuccess(config -> announce(config.revision()))
        .onSuccess(config -> config(ctx))
        .onFailure(ctx::fail);
  }

  private void announce(long revision) {
    if (redis == null) {
      return;
    }
    redis.send(Request.cmd(Command.PUBLISH).arg(InvalidationSubscriber.riskConfigChannel(keyPrefix))
        .arg(Long.toString(revision)))
        .onFailure(e -> LOG.warn("could not announce risk configuration {}: {} (replicas will poll)", revision,
            e.toString()));
  }

  private static JsonObject created(String version, boolean created, JsonObject document) {
    if (!created) {
      throw new GatewayException.Conflict("version-exists", "version " + version + " is already published; "
          + "published documents are immutable, publish a new version");
    }
    return new JsonObject().put("version", version).put("document", document);
  }

  private static String version(RoutingContext ctx) {
    return Validation.pathId("version", ctx.pathParam("version"));
  }

  private static void answer(RoutingContext ctx, Future<JsonObject> body) {
    answer(ctx, body, 200);
  }

  private static void answer(RoutingContext ctx, Future<JsonObject> body, int status) {
    body.onSuccess(json -> Responses.json(ctx, status, json)).onFailure(ctx::fail);
  }
}
