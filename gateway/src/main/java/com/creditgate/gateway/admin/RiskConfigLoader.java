package com.creditgate.gateway.admin;

import com.creditgate.gateway.risk.ModelDocuments;
import com.creditgate.gateway.risk.RiskEngine;
import com.creditgate.scoring.model.CreditModel;
import com.creditgate.scoring.policy.LimitPolicy;
import com.creditgate.scoring.policy.PolicyDocumentReader;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the risk configuration in force from Postgres and activates it in the {@link RiskEngine}; on an empty
 * database it first publishes the built-in model and policy as revision 1. Documents are parsed on a worker
 * thread (a 100-tree model takes milliseconds), never on the event loop. Thread-safe.
 */
public final class RiskConfigLoader {
  private static final Logger LOG = LoggerFactory.getLogger(RiskConfigLoader.class);
  private static final String BOOTSTRAP_LOCK = "LOCK TABLE risk_config IN SHARE ROW EXCLUSIVE MODE";

  private final Vertx vertx;
  private final Pool pool;
  private final RiskEngine engine;
  private final RiskConfigRepository repository = new RiskConfigRepository();

  public RiskConfigLoader(Vertx vertx, Pool pool, RiskEngine engine) {
    this.vertx = vertx;
    this.pool = pool;
    this.engine = engine;
  }

  /** Publishes the engine's built-in documents as revision 1 when there is no configuration yet. */
  public Future<Void> bootstrap(byte[] builtInModel) {
    RiskEngine.Active builtIn = engine.active();
    String policyVersion = builtIn.policyDocument().version();
    String modelVersion = builtIn.model().version();
    JsonObject policy = new JsonObject(Buffer.buffer(PolicyDocumentReader.write(builtIn.policyDocument())));
    return pool.withTransaction(conn -> conn.query(BOOTSTRAP_LOCK).execute()
        .compose(v -> repository.current(conn))
        .compose(current -> current.isPresent() ? Future.succeededFuture()
            : repository.insertPolicy(conn, policyVersion, policy)
                .compose(v -> repository.insertModel(conn, modelVersion, ModelDocuments.format(builtInModel), builtInModel))
                .compose(v -> repository.insert(conn, new RiskConfig(1, policyVersion, modelVersion, null, 0,
                    "bootstrap from the built-in documents")))
                .onSuccess(v -> LOG.info("risk configuration bootstrapped: policy {}, model {}", policyVersion,
                    modelVersion))));
  }

  /** Loads the newest revision and activates it unless a newer one is already in force. */
  public Future<Long> reload() {
    return repository.current(pool).compose(current -> current.isEmpty() ? Future.succeededFuture(0L)
        : current.get().revision() <= engine.active().revision() ? Future.succeededFuture(engine.active().revision())
        : load(current.get()).map(active -> {
          if (engine.activateIfNewer(active)) {
            LOG.info("risk configuration revision {} active: policy {}, champion {}, challenger {} at {}",
                active.revision(), active.policyDocument().version(), active.model().version(),
                active.challenger() == null ? "none" : active.challenger().version(), active.challengerShare());
          }
          return engine.active().revision();
        }));
  }

  /** The newest revision in Postgres. */
  public Future<Long> latestRevision() {
    return repository.revision(pool);
  }

  private Future<RiskEngine.Active> load(RiskConfig config) {
    Future<JsonObject> policy = repository.policy(pool, config.policyVersion());
    Future<byte[]> champion = repository.model(pool, config.championVersion());
    Future<Optional<byte[]>> challenger = config.challengerVersion() == null ? Future.succeededFuture(Optional.empty())
        : repository.model(pool, config.challengerVersion()).map(Optional::of);
    return Future.all(policy, champion, challenger).compose(all -> vertx.executeBlocking(() -> {
      LimitPolicy limitPolicy = new LimitPolicy(PolicyDocumentReader.read(policy.result().toBuffer().getBytes()));
      CreditModel championModel = ModelDocuments.read(champion.result());
      CreditModel challengerModel = challenger.result().map(ModelDocuments::read).orElse(null);
      return new RiskEngine.Active(championModel, limitPolicy, challengerModel,
          challengerModel == null ? 0 : config.challengerShare(), config.revision());
    }));
  }
}
