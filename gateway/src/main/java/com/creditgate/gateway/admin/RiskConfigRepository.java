package com.creditgate.gateway.admin;

import com.creditgate.gateway.error.GatewayException;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** Policy and model documents and risk-configuration revisions in Postgres. Stateless and thread-safe. */
final class RiskConfigRepository {
  private static final String CURRENT = "SELECT revision, policy_version, champion_version, challenger_version,"
      + " challenger_share, note FROM risk_config ORDER BY revision DESC LIMIT 1";
  private static final String REVISION = "SELECT coalesce(max(revision), 0) AS revision FROM risk_config";
  private static final String PREVIOUS = "SELECT revision, policy_version, champion_version, challenger_version,"
      + " challenger_share, note FROM risk_config WHERE revision < $1 ORDER BY revision DESC LIMIT 1";
  private static final String INSERT_CONFIG = "INSERT INTO risk_config (revision, policy_version, champion_version,"
      + " challenger_version, challenger_share, note) VALUES ($1, $2, $3, $4, $5, $6)";
  private static final String LOCK_CONFIG = "LOCK TABLE risk_config IN SHARE ROW EXCLUSIVE MODE";
  private static final String INSERT_POLICY = "INSERT INTO policy_documents (version, document) VALUES ($1, $2)"
      + " ON CONFLICT (version) DO NOTHING RETURNING version";
  private static final String INSERT_MODEL = "INSERT INTO model_documents (version, format, document) VALUES ($1, $2, $3)"
      + " ON CONFLICT (version) DO NOTHING RETURNING version";
  private static final String POLICY = "SELECT document FROM policy_documents WHERE version = $1";
  private static final String MODEL = "SELECT format, document FROM model_documents WHERE version = $1";
  private static final String POLICIES = "SELECT version, published_at FROM policy_documents ORDER BY published_at DESC";
  private static final String MODELS = "SELECT version, format, published_at FROM model_documents ORDER BY published_at DESC";

  Future<Optional<RiskConfig>> current(SqlClient client) {
    return client.query(CURRENT).execute().map(rows -> rows.size() == 0 ? Optional.empty()
        : Optional.of(config(rows.iterator().next())));
  }

  Future<Long> revision(SqlClient client) {
    return client.query(REVISION).execute().map(rows -> rows.iterator().next().getLong("revision"));
  }

  Future<Optional<RiskConfig>> previous(SqlClient client, long revision) {
    return client.preparedQuery(PREVIOUS).execute(Tuple.of(revision)).map(rows -> rows.size() == 0 ? Optional.empty()
        : Optional.of(config(rows.iterator().next())));
  }

  /** Appends a revision built from the current one by {@code change}; serialized by a table lock. */
  Future<RiskConfig> append(SqlConnection conn, UnaryOperator<RiskConfig> change) {
    return conn.query(LOCK_CONFIG).execute()
        .compose(v -> current(conn))
        .compose(current -> {
          RiskConfig base = current.orElseThrow(() -> new GatewayException.Conflict("no-risk-config",
              "no risk configuration to change yet"));
          RiskConfig next = change.apply(base);
          RiskConfig stored = new RiskConfig(base.revision() + 1, next.policyVersion(), next.championVersion(),
              next.challengerVersion(), next.challengerShare(), next.note());
          return insert(conn, stored).map(stored);
        });
  }

  Future<Void> insert(SqlClient client, RiskConfig config) {
    return client.preparedQuery(INSERT_CONFIG).execute(Tuple.of(config.revision(), config.policyVersion(),
        config.championVersion(), config.challengerVersion(), config.challengerShare(), config.note())).mapEmpty();
  }

  /** Stores a policy document; false when the version already exists (documents are immutable). */
  Future<Boolean> insertPolicy(SqlClient client, String version, JsonObject document) {
    return client.preparedQuery(INSERT_POLICY).execute(Tuple.of(version, document)).map(rows -> rows.size() == 1);
  }

  /** Stores a model document; false when the version already exists. */
  Future<Boolean> insertModel(SqlClient client, String version, String format, byte[] document) {
    return client.preparedQuery(INSERT_MODEL).execute(Tuple.of(version, format, Buffer.buffer(document)))
        .map(rows -> rows.size() == 1);
  }

  Future<JsonObject> policy(SqlClient client, String version) {
    return client.preparedQuery(POLICY).execute(Tuple.of(version)).map(rows -> {
      if (rows.size() == 0) {
        throw new GatewayException.NotFound("policy-not-found", "no policy version " + version);
      }
      return (JsonObject) rows.iterator().next().getValue("document");
    });
  }

  Future<byte[]> model(SqlClient client, String version) {
    return client.preparedQuery(MODEL).execute(Tuple.of(version)).map(rows -> {
      if (rows.size() == 0) {
        throw new GatewayException.NotFound("model-not-found", "no model version " + version);
      }
      return rows.iterator().next().getBuffer("document").getBytes();
    });
  }

  Future<JsonArray> policies(SqlClient client) {
    return client.query(POLICIES).execute().map(rows -> {
      JsonArray list = new JsonArray();
      rows.forEach(r -> list.add(new JsonObject().put("version", r.getString("version"))
          .put("publishedAt", r.getOffsetDateTime("published_at").toInstant().toString())));
      return list;
    });
  }

  Future<JsonArray> models(SqlClient client) {
    return client.query(MODELS).execute().map(rows -> {
      JsonArray list = new JsonArray();
      rows.forEach(r -> list.add(new JsonObject().put("version", r.getString("version")).put("format", r.getString("format"))
          .put("publishedAt", r.getOffsetDateTime("published_at").toInstant().toString())));
      return list;
    });
  }

  private static RiskConfig config(Row row) {
    return new RiskConfig(row.getLong("revision"), row.getString("policy_version"), row.getString("champion_version"),
        row.getString("challenger_version"), row.getDouble("challenger_share"), row.getString("note"));
  }
}
