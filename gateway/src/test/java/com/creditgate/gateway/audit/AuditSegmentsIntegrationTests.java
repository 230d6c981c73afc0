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
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The decision log stored as segments (V013), on real Postgres: one segment row per batch, unpacked by the
 * {@code decision_audit} view, found by id and by account through the segment indexes, stored out of line; the
 * account index only on finished days, and each segment's account filter (V014) for the others.
 */
class AuditSegmentsIntegrationTests {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC);
  private static final OffsetDateTime SINCE = OffsetDateTime.parse("2026-11-22T10:00:00Z");
  private static final String YESTERDAY = "decision_audit_p20261121";
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
    // the writer builds each filter from the hashes its records took when they were made: Postgres, from the
    // segment's own account array, must build the same bytes, or a lookup would skip that segment
    assertThat(gateway.sql("SELECT count(*) AS n FROM decision_audit_segments"
        + " WHERE account_bloom IS DISTINCT FROM decision_audit_account_bloom(account_ids)")
        .iterator().next().getLong("n")).isZero();
    assertThat(records).allSatisfy(r -> assertThat(r.accountHashes()).isEqualTo(AuditBloom.hashes(r.accountId())));
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
  void segmentColumnsAreStoredOutOfLineUncompressedAndOnlyFinishedDaysHaveAnAccountIndexWithoutAPendingList() {
    TestGateway gateway = gateway(vertx, 100);
    awaitAccountIndex(gateway, YESTERDAY);
    gateway.close();
    List<Row> storage = rows(gateway.sql("SELECT c.relname, a.attname, a.attstorage FROM pg_inherits i"
        + " JOIN pg_class c ON c.oid = i.inhrelid JOIN pg_attribute a ON a.attrelid = c.oid"
        + " WHERE i.inhparent = 'decision_audit_segments'::regclass AND a.attname IN"
        + " ('decision_ids', 'account_ids', 'features', 'model_versions', 'order_ids', 'account_bloom')"));
    assertThat(storage).hasSizeGreaterThanOrEqualTo(6 * 2);
    assertThat(storage).allSatisfy(row -> assertThat(row.getString("attstorage"))
        .as(row.getString("relname") + "." + row.getString("attname")).isEqualTo("e"));
    List<String> indexed = new ArrayList<>();
    for (Row row : gateway.sql("SELECT c.relname AS part, ic.relname AS index, ic.reloptions::text AS options"
        + " FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid JOIN pg_index x ON x.indrelid = c.oid"
        + " JOIN pg_class ic ON ic.oid = x.indexrelid JOIN pg_am am ON am.oid = ic.relam"
        + " WHERE i.inhparent = 'decision_audit_segments'::regclass AND am.amname = 'gin' AND x.indisvalid")) {
      indexed.add(row.getString("part") + " " + row.getString("index") + " " + row.getString("options"));
    }
    assertThat(indexed).as("the finished day only (the writer's today is 2026-11-22), without a pending list")
        .containsExactly("decision_audit_p20261121 decision_audit_p20261121_accounts_idx {fastupdate=off}");
  }

  @Test
  void anAccountIndexLeftInvalidByAnInterruptedBuildIsBuiltAgainAtTheNextCheck() {
    TestGateway gateway = gateway(vertx, 100);
    awaitAccountIndex(gateway, YESTERDAY);
    gateway.close();
    gateway.sql("UPDATE pg_index SET indisvalid = false WHERE indexrelid = $1::regclass",
        YESTERDAY + "_accounts_idx");
    assertThat(indexed(gateway, YESTERDAY)).isFalse();
    TestGateway again = TestGateway.start(vertx, gateway.settings(), CLOCK);
    awaitAccountIndex(again, YESTERDAY);
    again.close();
    assertThat(again.sql("SELECT count(*) AS n FROM pg_class WHERE relname = $1", YESTERDAY + "_accounts_idx")
        .iterator().next().getLong("n")).isEqualTo(1);
  }

  @Test
  void unindexedDaysAreSearchedThroughEachSegmentsFilterAndIndexedDaysThroughTheirIndex() {
    TestGateway gateway = gateway(vertx, 5);
    awaitAccountIndex(gateway, YESTERDAY);
    DecisionAuditLog log = gateway.gateway().services().auditLog();
    long yesterday = CLOCK.millis() - 86_400_000L;
    for (int i = 0; i < 20; i++) {
      log.offer(record(TimeOrderedIds.next(yesterday + i), "route-" + (i % 2), i, yesterday + i));
    }
    for (int i = 0; i < 20; i++) {
      log.offer(record(TimeOrderedIds.next(CLOCK.millis() + i), "route-" + (i % 2), 100 + i, CLOCK.millis() + i));
    }
    gateway.close();
    OffsetDateTime dayBefore = SINCE.minusDays(1);
    OffsetDateTime dayAfter = SINCE.plusDays(1);
    assertThat(amounts(gateway, "route-1", dayBefore, dayAfter)).containsExactly(1L, 3L, 5L, 7L, 9L, 11L, 13L, 15L,
        17L, 19L, 101L, 103L, 105L, 107L, 109L, 111L, 113L, 115L, 117L, 119L);
    assertThat(rows(gateway.sql("SELECT account_bloom FROM decision_audit_segments WHERE account_bloom IS NULL")))
        .as("every segment the gateway writes carries its filter").isEmpty();

    // An empty filter says "not here": today's segments (no index) drop out, yesterday's (indexed) do not.
    gateway.sql("UPDATE decision_audit_segments SET account_bloom = '\\x00'::bytea");
    assertThat(amounts(gateway, "route-1", dayBefore, dayAfter)).containsExactly(1L, 3L, 5L, 7L, 9L, 11L, 13L, 15L,
        17L, 19L);
    // No filter at all (a segment from before V014): its account array decides.
    gateway.sql("UPDATE decision_audit_segments SET account_bloom = NULL");
    assertThat(amounts(gateway, "route-1", dayBefore, dayAfter)).hasSize(20);
  }

  @Test
  void postgresComputesTheGatewaysFilterAndHashesByteForByte() {
    TestGateway gateway = gateway(vertx, 100);
    gateway.close();
    Random random = new Random(20261203);
    for (int round = 0; round < 120; round++) {
      String[] accounts = new String[1 + random.nextInt(round < 100 ? 40 : 900)];
      for (int i = 0; i < accounts.length; i++) {
        accounts[i] = switch (random.nextInt(4)) {
          case 0 -> String.format("acc-%06d", random.nextInt(1_000_000));
          case 1 -> randomText(random, 0x20, 0x7e);
          case 2 -> randomText(random, 0xa0, 0x7ff);
          default -> randomText(random, 0x4e00, 0x9fff) + "\uD83D\uDE00";
        };
      }
      Row row = gateway.sql("SELECT decision_audit_account_bloom($1::text[]) AS bloom,"
          + " decision_audit_account_hashes($2) AS hashes", accounts, accounts[0]).iterator().next();
      assertThat(row.getBuffer("bloom").getBytes()).as("round %s", round).isEqualTo(AuditBloom.of(accounts));
      long hashes = AuditBloom.hashes(accounts[0]);
      assertThat(row.getArrayOfLongs("hashes")).as(accounts[0]).containsExactly(hashes >>> 32, hashes & 0xFFFF_FFFFL);
    }
  }

  private static String randomText(Random random, int low, int high) {
    StringBuilder text = new StringBuilder();
    for (int i = random.nextInt(12); i >= 0; i--) {
      text.appendCodePoint(low + random.nextInt(high - low + 1));
    }
    return text.toString();
  }

  private static List<Long> amounts(TestGateway gateway, String account, OffsetDateTime since, OffsetDateTime until) {
    List<Long> amounts = new ArrayList<>();
    for (Row row : gateway.sql("SELECT amount_minor FROM decision_audit_of_account($1, $2, $3)", account, since,
        until)) {
      amounts.add(row.getLong("amount_minor"));
    }
    return amounts;
  }

  private static boolean indexed(TestGateway gateway, String partition) {
    return gateway.sql("SELECT decision_audit_account_indexed($1::regclass) AS yes", partition).iterator().next()
        .getBoolean("yes");
  }

  /** The writer builds finished days' indexes in the background after it starts: wait for the one asked for. */
  private static void awaitAccountIndex(TestGateway gateway, String partition) {
    long giveUpAt = System.nanoTime() + 30_000_000_000L;
    while (!indexed(gateway, partition)) {
      assertThat(System.nanoTime()).as("the account index of %s is built", partition).isLessThan(giveUpAt);
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
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
