package com.creditgate.gateway.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import com.creditgate.gateway.support.TestGateway;
import io.vertx.sqlclient.Row;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * V013 on a database that holds a V012 trail (one row per decision): every decision comes out of the
 * {@code decision_audit} view exactly as it went in, in segments of at most 2 000 per UTC day, in their day's
 * partition, and found by account (V014) though they carry no account filter.
 */
class AuditSegmentsMigrationIntegrationTests {
  private static final List<String> BEFORE_V013 = List.of("V001__accounts.sql", "V002__money_events_reviews.sql",
      "V003__risk_config.sql", "V004__line_history.sql", "V005__audit_order_id.sql", "V010__audit_partitions.sql",
      "V011__audit_uuid_ids.sql", "V012__hold_write_path.sql");
  /** Every column as text, in a stable order: the same before and after. */
  private static final String EVERY_ROW = "SELECT concat_ws('|', decision_id, account_id, amount_minor, decision,"
      + " score, pd, reasons, model_version, policy_version, encode(features, 'hex'), degraded, client_id,"
      + " decided_at AT TIME ZONE 'UTC', order_id, merchant_category, channel) AS line FROM decision_audit"
      + " ORDER BY decision_id";
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

  private List<String> everyRow() {
    List<String> lines = new ArrayList<>();
    for (Row row : sql.query(EVERY_ROW)) {
      lines.add(row.getString("line"));
    }
    return lines;
  }

  @Test
  void aRowPerDecisionTrailBecomesSegmentsWithEveryValueKept() throws IOException {
    db.apply(BEFORE_V013);
    sql.query("SELECT decision_audit_create_day('2026-11-22')");
    // 2 500 decisions on one day (two segments), 3 on the next (V013 creates its partition, as V010 did),
    // with 0 to 4 reasons, missing order ids and NaN probabilities among them
    sql.query("INSERT INTO decision_audit (decision_id, account_id, amount_minor, decision, score, pd, reasons,"
        + " model_version, policy_version, features, degraded, client_id, decided_at, order_id, merchant_category,"
        + " channel)"
        + " SELECT gen_random_uuid(), 'acc-' || (g % 7), g, CASE WHEN g % 3 = 0 THEN 'DECLINE' ELSE 'APPROVE' END,"
        + " 300 + g % 500, CASE WHEN g % 11 = 0 THEN 'NaN'::float8 ELSE g / 10000.0 END,"
        + " (ARRAY['{}', '{D201}', '{D201,R101}', '{D201,R101,R104}', '{D201,R101,R104,P301}'])[g % 5 + 1]::text[],"
        + " 'm' || (g % 2), 'p1', int4send(g) || float4send(g::real), g % 13 = 0, 'demo',"
        + " CASE WHEN g <= 2500 THEN '2026-11-22T00:00:00Z'::timestamptz + g * interval '7 s'"
        + " ELSE '2026-11-23T00:00:00.5Z'::timestamptz + g * interval '1 ms' END,"
        + " CASE WHEN g % 4 = 0 THEN NULL ELSE 'ord-' || g END, '5411', CASE WHEN g % 2 = 0 THEN 'APP' END"
        + " FROM generate_series(1, 2503) g");
    List<String> before = everyRow();
    assertThat(before).hasSize(2503);

    db.migrate();

    assertThat(everyRow()).containsExactlyElementsOf(before);
    List<String> segments = new ArrayList<>();
    for (Row row : sql.query("SELECT tableoid::regclass::text AS part, decision_count FROM decision_audit_segments"
        + " ORDER BY decided_from")) {
      segments.add(row.getString("part") + ":" + row.getInteger("decision_count"));
    }
    assertThat(segments).containsExactly("decision_audit_p20261122:2000", "decision_audit_p20261122:500",
        "decision_audit_p20261123:3");
    // V014: the carried-over segments have no account filter; a lookup checks their account arrays instead
    assertThat(sql.query("SELECT count(*) AS n FROM decision_audit_segments WHERE account_bloom IS NULL").iterator()
        .next().getLong("n")).isEqualTo(3);
    assertThat(sql.query("SELECT count(*) AS n FROM decision_audit_of_account('acc-3', '2026-11-22Z', '2026-11-24Z')")
        .iterator().next().getLong("n")).isEqualTo(sql.query("SELECT count(*) AS n FROM decision_audit"
            + " WHERE account_id = 'acc-3'").iterator().next().getLong("n")).isEqualTo(358);
    assertThat(sql.query("SELECT to_regclass('decision_audit_v012') IS NULL AS gone").iterator().next()
        .getBoolean("gone")).as("the old table is dropped").isTrue();
    assertThat(everyRow()).containsExactlyElementsOf(before);
  }
}
