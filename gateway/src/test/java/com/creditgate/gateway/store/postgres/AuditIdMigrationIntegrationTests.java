package com.creditgate.gateway.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import com.creditgate.gateway.support.TestGateway;
import com.creditgate.gateway.support.TestServices;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.io.IOException;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * V011 on a database that already holds a V010 audit trail: text decision ids become {@code uuid} (the gateway
 * only ever wrote UUID strings), a hand-written non-UUID id is kept under a derived version-8 uuid and mapped
 * back until retention drops it, and account ids compare bytewise.
 */
class AuditIdMigrationIntegrationTests {
  private static final List<String> BEFORE_V011 = List.of("V001__accounts.sql", "V002__money_events_reviews.sql",
      "V003__risk_config.sql", "V004__line_history.sql", "V005__audit_order_id.sql", "V010__audit_partitions.sql");
  private static final String V4 = "3f1c2a9e-5b7d-4c1e-9a2b-7d6e5f4a3b2c";
  private static final String UPPER = "0B9E8C3A-1D2F-4E5A-8B7C-6D5E4F3A2B1C";
  private static final String INSERT = "INSERT INTO decision_audit (decision_id, account_id, amount_minor, decision,"
      + " score, pd, reasons, model_version, policy_version, features, degraded, client_id, decided_at)"
      + " VALUES ($1, $2, 100, 'APPROVE', 700, 0.01, '{R101}', 'm1', 'p1', '\\x00'::bytea, false, 'demo',"
      + " $3::text::timestamptz)";
  private OlderSchema db;
  private TestGateway.Sql sql;

  @BeforeEach
  void openDatabase() {
    db = OlderSchema.open();
    sql = db.sql();
  }

  @AfterEach
  void closeDatabase() {
    db.close();
  }

  /** The schema as V010 left it. */
  private void migrateToV010() throws IOException {
    db.apply(BEFORE_V011);
  }

  @Test
  void textIdsBecomeUuidsAndALegacyIdIsKeptUnderADerivedUuid() throws IOException {
    migrateToV010();
    sql.query("SELECT decision_audit_create_day('2026-11-22')");
    sql.query(INSERT, V4, "acc-000001", "2026-11-22T10:00:00Z");
    sql.query(INSERT, UPPER, "acc-000002", "2026-11-22T10:00:01Z");
    sql.query(INSERT, "legacy-7", "acc-000003", "2026-11-22T10:00:02Z");

    db.migrate();

    Row type = sql.query("SELECT format_type(a.atttypid, a.atttypmod) AS type, "
        + "(SELECT collname FROM pg_collation WHERE oid = b.attcollation) AS account_collation "
        + "FROM pg_attribute a, pg_attribute b WHERE a.attrelid = 'decision_audit'::regclass "
        + "AND a.attname = 'decision_id' AND b.attrelid = a.attrelid AND b.attname = 'account_id'")
        .iterator().next();
    assertThat(type.getString("type")).isEqualTo("uuid");
    assertThat(type.getString("account_collation")).isEqualTo("C");
    assertThat(accountOf(UUID.fromString(V4))).isEqualTo("acc-000001");
    assertThat(accountOf(UUID.fromString(UPPER))).isEqualTo("acc-000002");
    Row legacy = sql.query("SELECT decision_id, legacy_id FROM decision_audit_legacy_ids").iterator().next();
    assertThat(legacy.getString("legacy_id")).isEqualTo("legacy-7");
    assertThat(legacy.getUUID("decision_id").version()).isEqualTo(8);
    assertThat(accountOf(legacy.getUUID("decision_id"))).isEqualTo("acc-000003");
    assertThat(sql.query("SELECT count(*) AS n FROM decision_audit").iterator().next().getLong("n")).isEqualTo(3);

    sql.query("SELECT decision_audit_maintain('2027-01-10'::date, 1, 1)");
    assertThat(sql.query("SELECT count(*) AS n FROM decision_audit_legacy_ids").iterator().next().getLong("n"))
        .as("the legacy mapping leaves with its rows").isZero();
  }

  private String accountOf(UUID decisionId) {
    return sql.query("SELECT account_id FROM decision_audit WHERE decision_id = $1", decisionId)
        .iterator().next().getString("account_id");
  }

  @Test
  void aMigratedTrailTakesTheWritersUuidArrays() throws IOException {
    migrateToV010();
    db.migrate();
    sql.query("SELECT decision_audit_create_day('2026-11-22')");
    UUID id = UUID.fromString("01930a5e-6c3b-7a1d-8e2f-3a4b5c6d7e8f");
    TestServices.await(db.pool().preparedQuery("INSERT INTO decision_audit (decision_id, account_id, amount_minor,"
        + " decision, score, pd, reasons, model_version, policy_version, features, degraded, decided_at)"
        + " SELECT u.id, 'acc-9', 1, 'APPROVE', 700, 0.01, '{}', 'm1', 'p1', '\\x00'::bytea, false, now()"
        + " FROM unnest($1::uuid[]) AS u(id)").execute(Tuple.of(new UUID[] {id})));
    assertThat(accountOf(id)).isEqualTo("acc-9");
  }
}
