package com.creditgate.gateway.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.creditgate.common.TimeOrderedIds;
import com.creditgate.common.reason.ReasonCode;
import com.creditgate.gateway.support.TestGateway;
import com.creditgate.gateway.support.TestServices;
import com.creditgate.gateway.support.TestVertx;
import com.creditgate.scoring.decision.Decision;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Row;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The decision log stored as segments (V013), on real Postgres: one segment row per batch, unpacked by the
 * {@code decision_audit} view, found by id and by account through the segment indexes, stored out of line.
 */
class AuditSegmentsIntegrationTests {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC);
  private static final OffsetDateTime SINCE = OffsetDateTime.parse("2026-11-22T10:00:00Z");
  private Vertx vertx;

  @BeforeEach
  void startVertx() {
    vertx = TestVertx.loopLimited();
  }

  @AfterEach
  void stopVertx() {
    TestServices.await(vertx.close());
  }

  private static AuditRecord record(UUID id, String account, long amount, long decidedAtMillis) {
    float[] features = new float[24];
    features[0] = amount;
    return new AuditRecord(id, account, amount, Decision.APPROVE, 700, 0.02,
        AuditRecord.pack(List.of(ReasonCode.INSUFFICIENT_AVAILABLE_CREDIT)), "model-v1", "policy-v1", features,
        false, "demo", decidedAtMillis, null, null, null);
  }

  private static TestGateway gateway(Vertx vertx, int batchMax) {
    Map<String, String> settings = TestGateway.freshSettings(vertx);
    settings.put("AUDIT_BATCH_MAX", Integer.toString(batchMax));
    settings.put("AUDIT_FLUSH_MILLIS", "600000");
    return TestGateway.start(vertx, settings, CLOCK);
  }

  @Test
  void decisionsAreFoundByIdAndByAccountThroughTheirSegments() {
    TestGateway gateway = gateway(vertx, 7);
    DecisionAuditLog log = gateway.gateway().services().auditLog();
    List<AuditRecord> records = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      long at = CLOCK.millis() + i * 1_000L;
      records.add(record(TimeOrderedIds.next(at), "seg-acct-" + (i % 4), 100 + i, at));
    }
    records.forEach(log::offer);
    gateway.close();
    assertThat(log.written()).isEqualTo(40);
    assertThat(gateway.sql("SELECT count(*) AS n FROM decision_audit_segments").iterator().next().getLong("n"))
        .as("40 decisions in batches of 7").isEqualTo(6);

    for (AuditRecord expected : List.of(records.get(0), records.get(13), records.get(39))) {
      List<Row> found = rows(gateway.sql("SELECT * FROM decision_audit_by_id($1)", expected.decisionId()));
      assertThat(found).hasSize(1);
      assertThat(found.get(0).getString("account_id")).isEqualTo(expected.accountId());
      assertThat(found.get(0).getLong("amount_minor")).isEqualTo(expected.amountMinor());
      assertThat(found.get(0).getArrayOfStrings("reasons")).containsExactly("D201");
      assertThat(found.get(0).getOffsetDateTime("decided_at").toInstant())
          .isEqualTo(Instant.ofEpochMilli(expected.decidedAtMillis()));
      assertThat(AuditBatch.decodeFeatures(found.get(0).getBuffer("features"))).containsExactly(expected.features());
    }
    assertThat(rows(gateway.sql("SELECT * FROM decision_audit_by_id($1)", UUID.randomUUID()))).isEmpty();

    // seg-acct-1 decided at 1, 5, 9, ... 37 s; [10 s, 30 s) holds 13, 17, 21, 25, 29
    List<Long> amounts = new ArrayList<>();
    for (Row row : gateway.sql("SELECT amount_minor FROM decision_audit_of_account($1, $2, $3)", "seg-acct-1",
        SINCE.plusSeconds(10), SINCE.plusSeconds(30))) {
      amounts.add(row.getLong("amount_minor"));
    }
    assertThat(amounts).containsExactly(113L, 117L, 121L, 125L, 129L);
    assertThat(rows(gateway.sql("SELECT * FROM decision_audit_of_account($1, $2, $3)", "seg-acct-9",
        SINCE, SINCE.plusSeconds(60)))).isEmpty();
    assertThat(gateway.sql("SELECT count(*) AS n FROM decision_audit WHERE account_id = $1", "seg-acct-2")
        .iterator().next().getLong("n")).isEqualTo(10);
  }

  @Test
  void idsWithTheTopBitSetSpanTheirSegmentAsPostgresOrdersThem() {
    TestGateway gateway = gateway(vertx, 100);
    DecisionAuditLog log = gateway.gateway().services().auditLog();
    // Signed, the first sorts before the second; as Postgres (and the byte order) has it, after.
    UUID high = new UUID(0xF000_0000_0000_0000L, 1);
    UUID low = new UUID(0x0100_0000_0000_0000L, 2);
    UUID middle = new UUID(0x7000_0000_0000_0000L, 3);
    log.offer(record(high, "span-1", 1, CLOCK.millis()));
    log.offer(record(low, "span-2", 2, CLOCK.millis() + 1));
    log.offer(record(middle, "span-3", 3, CLOCK.millis() + 2));
    gateway.close();
    assertThat(log.written()).as("the batch was written, not failed into the overflow log").isEqualTo(3);
    for (UUID id : List.of(high, low, middle)) {
      assertThat(rows(gateway.sql("SELECT * FROM decision_audit_by_id($1)", id))).hasSize(1);
    }
    Row segment = gateway.sql("SELECT lower(id_span) AS low, upper(id_span) AS high, decided_from, decided_to"
        + " FROM decision_audit_segments").iterator().next();
    assertThat(segment.getUUID("low")).isEqualTo(low);
    assertThat(segment.getUUID("high")).isEqualTo(high);
    assertThat(segment.getOffsetDateTime("decided_to").toInstant().toEpochMilli()
        - segment.getOffsetDateTime("decided_from").toInstant().toEpochMilli()).isEqualTo(2);
  }

  @Test
  void aSegmentSpanningMidnightLivesInItsLastDecisionsDaySoRetentionNeverCutsItShort() {
    TestGateway gateway = gateway(vertx, 100);
    DecisionAuditLog log = gateway.gateway().services().auditLog();
    long beforeMidnight = Instant.parse("2026-11-22T23:59:59.999Z").toEpochMilli();
    log.offer(record(TimeOrderedIds.next(beforeMidnight), "midnight", 1, beforeMidnight));
    log.offer(record(TimeOrderedIds.next(beforeMidnight + 2), "midnight", 2, beforeMidnight + 2));
    gateway.close();
    assertThat(log.written()).isEqualTo(2);
    assertThat(rows(gateway.sql("SELECT tableoid::regclass::text AS part FROM decision_audit_segments")))
        .singleElement().satisfies(row -> assertThat(row.getString("part")).isEqualTo("decision_audit_p20261123"));
  }

  @Test
  void segmentColumnsAreStoredOutOfLineUncompressedAndAccountsIndexedWithoutAPendingListInEveryDayPartition() {
    TestGateway gateway = gateway(vertx, 100);
    gateway.close();
    List<Row> storage = rows(gateway.sql("SELECT c.relname, a.attname, a.attstorage FROM pg_inherits i"
        + " JOIN pg_class c ON c.oid = i.inhrelid JOIN pg_attribute a ON a.attrelid = c.oid"
        + " WHERE i.inhparent = 'decision_audit_segments'::regclass AND a.attname IN"
        + " ('decision_ids', 'account_ids', 'features', 'model_versions', 'order_ids')"));
    assertThat(storage).hasSizeGreaterThanOrEqualTo(5 * 2);
    assertThat(storage).allSatisfy(row -> assertThat(row.getString("attstorage"))
        .as(row.getString("relname") + "." + row.getString("attname")).isEqualTo("e"));
    List<Row> accountIndexes = rows(gateway.sql("SELECT c.relname, c.reloptions::text AS options FROM pg_inherits i"
        + " JOIN pg_index x ON x.indrelid = i.inhrelid JOIN pg_class c ON c.oid = x.indexrelid"
        + " WHERE i.inhparent = 'decision_audit_segments'::regclass AND c.relname LIKE '%account_ids_idx'"));
    assertThat(accountIndexes).as("every day's account index, without a pending list to merge in bursts")
        .hasSizeGreaterThanOrEqualTo(2).allSatisfy(row -> assertThat(row.getString("options"))
            .as(row.getString("relname")).isEqualTo("{fastupdate=off}"));
  }

  @Test
  void aRowInsertedIntoTheViewBecomesASegmentOfOne() {
    TestGateway gateway = gateway(vertx, 100);
    gateway.close();
    UUID id = UUID.fromString("01930a5e-6c3b-7a1d-8e2f-3a4b5c6d7e8f");
    gateway.sql("INSERT INTO decision_audit (decision_id, account_id, amount_minor, decision, score, pd, reasons,"
        + " model_version, policy_version, features, degraded, client_id, decided_at, order_id)"
        + " VALUES ($1, 'by-hand', 5, 'DECLINE', 500, 0.4, '{D201,R101,R104}', 'm', 'p', '\\x0102'::bytea, true,"
        + " 'ops', '2026-11-22T10:00:00.123Z', 'ord-1')", id);
    Row row = gateway.sql("SELECT * FROM decision_audit_by_id($1)", id).iterator().next();
    assertThat(row.getString("account_id")).isEqualTo("by-hand");
    assertThat(row.getArrayOfStrings("reasons")).containsExactly("D201", "R101", "R104");
    assertThat(row.getBoolean("degraded")).isTrue();
    assertThat(row.getString("order_id")).isEqualTo("ord-1");
    assertThat(row.getString("channel")).isNull();
    assertThat(row.getOffsetDateTime("decided_at").toInstant()).isEqualTo(Instant.parse("2026-11-22T10:00:00.123Z"));
    assertThat(gateway.sql("SELECT tableoid::regclass::text AS part FROM decision_audit_segments").iterator().next()
        .getString("part")).isEqualTo("decision_audit_p20261122");
  }

  private static List<Row> rows(Iterable<Row> rows) {
    List<Row> list = new ArrayList<>();
    rows.forEach(list::add);
    return list;
  }
}
