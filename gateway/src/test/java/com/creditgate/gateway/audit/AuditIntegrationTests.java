package com.creditgate.gateway.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.creditgate.gateway.support.TestGateway;
import com.creditgate.gateway.support.TestServices;
import com.creditgate.gateway.support.TestVertx;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The decision audit log on real Postgres: every decision lands, overflow goes to the log, stop flushes. */
class AuditIntegrationTests {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC);
  private Vertx vertx;

  @BeforeEach
  void startVertx() {
    vertx = TestVertx.loopLimited();
  }

  @AfterEach
  void stopVertx() {
    TestServices.await(vertx.close());
  }

  /** Polls {@code condition} every 20 ms for up to {@code seconds}; the caller asserts what it needs after. */
  private void waitUntil(BooleanSupplier condition, int seconds) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
      TestServices.await(io.vertx.core.Future.future(p -> vertx.setTimer(20, id -> p.complete())));
    }
  }

  private static void createAccount(TestGateway gateway, String accountId) {
    JsonObject profile = new JsonObject().put("region", "310000").put("occupation", "ENGINEER")
        .put("monthlyIncome", 2_000_000).put("creditScore", 760).put("segment", "MASS")
        .put("accountOpenedAt", "2022-01-15T00:00:00Z");
    assertThat(gateway.put("/v1/accounts/" + accountId, profile).statusCode()).isEqualTo(201);
  }

  @Test
  void everyDecisionIsAuditedWithItsEvidence() {
    TestGateway gateway = TestGateway.start(vertx, TestGateway.freshSettings(vertx), CLOCK);
    try {
      createAccount(gateway, "audit-1");
      String decisionId = gateway.post("/v1/limit-checks", new JsonObject().put("accountId", "audit-1")
          .put("amount", 12_345)).bodyAsJsonObject().getString("decisionId");
      waitUntil(() -> gateway.sql("SELECT 1 FROM decision_audit WHERE decision_id = $1", UUID.fromString(decisionId))
          .size() > 0, 10);
      Row row = gateway.sql("SELECT * FROM decision_audit WHERE decision_id = $1", UUID.fromString(decisionId))
          .iterator().next();
      assertThat(row.getUUID("decision_id")).isEqualTo(UUID.fromString(decisionId));
      assertThat(UUID.fromString(decisionId).version()).isEqualTo(7);
      assertThat(row.getString("account_id")).isEqualTo("audit-1");
      assertThat(row.getLong("amount_minor")).isEqualTo(12_345);
      assertThat(row.getString("decision")).isEqualTo("APPROVE");
      assertThat(row.getString("model_version")).isNotBlank();
      assertThat(AuditBatch.decodeFeatures(row.getBuffer("features"))).hasSize(24).startsWith(760f);
      assertThat(row.getArrayOfStrings("reasons")).isNotEmpty().allMatch(code -> code.matches("[RDP]\\d{3}"));
      assertThat(row.getOffsetDateTime("decided_at").toInstant()).isEqualTo(CLOCK.instant());
      assertThat(row.getString("client_id")).isEqualTo("demo");
    } finally {
      gateway.close();
    }
  }

  /**
   * The writer has an event loop of its own: with the API on ONE event loop (where the writer used to land beside
   * it), decisions are answered while the writer's loop is held, and written once it is let go.
   */
  @Test
  void decisionsAreAnsweredWhileTheAuditWritersLoopIsHeldAndWrittenAfter() throws Exception {
    Vertx oneLoop = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
    Map<String, String> settings = TestGateway.freshSettings(oneLoop);
    settings.put("VERTICLE_INSTANCES", "1");
    settings.put("AUDIT_FLUSH_MILLIS", "20");
    TestGateway gateway = TestGateway.start(oneLoop, settings, CLOCK);
    CountDownLatch held = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    try {
      DecisionAuditLog log = gateway.gateway().services().auditLog();
      createAccount(gateway, "audit-held");
      gateway.gateway().auditVertx().runOnContext(v -> {
        held.countDown();
        try {
          release.await(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      });
      assertThat(held.await(10, TimeUnit.SECONDS)).isTrue();
      int checks = 20;
      for (int i = 0; i < checks; i++) {
        assertThat(gateway.post("/v1/limit-checks", new JsonObject().put("accountId", "audit-held")
            .put("amount", 100)).statusCode()).isEqualTo(200);
      }
      assertThat(log.written()).as("nothing is written while the writer's loop is held").isZero();
      release.countDown();
      waitUntil(() -> log.written() >= checks, 15);
      assertThat(log.written()).isEqualTo(checks);
      assertThat(gateway.sql("SELECT count(*) AS n FROM decision_audit WHERE account_id = $1", "audit-held")
          .iterator().next().getLong("n")).isEqualTo(checks);
    } finally {
      release.countDown();
      gateway.close();
      TestServices.await(oneLoop.close());
    }
  }

  @Test
  void fullBatchesAreWrittenBackToBackNotOnePerTick() {
    Map<String, String> settings = TestGateway.freshSettings(vertx);
    settings.put("AUDIT_BATCH_MAX", "5");
    settings.put("AUDIT_FLUSH_MILLIS", "2000");
    TestGateway gateway = TestGateway.start(vertx, settings, CLOCK);
    try {
      DecisionAuditLog log = gateway.gateway().services().auditLog();
      createAccount(gateway, "audit-3");
      int checks = 200;
      for (int i = 0; i < checks; i++) {
        assertThat(gateway.post("/v1/limit-checks", new JsonObject().put("accountId", "audit-3").put("amount", 100))
            .statusCode()).isEqualTo(200);
      }
      // One batch of 5 per 2 s tick would need 80 s for these 200; back to back they land after the next tick.
      waitUntil(() -> log.written() >= checks, 15);
      assertThat(log.written()).isEqualTo(checks);
      assertThat(log.overflowed()).isZero();
      assertThat(gateway.sql("SELECT count(*) AS n FROM decision_audit WHERE account_id = $1", "audit-3")
          .iterator().next().getLong("n")).isEqualTo(checks);
    } finally {
      gateway.close();
    }
  }

  @Test
  void fullQueueOverflowsToTheLogAndStopFlushesTheRest() {
    Map<String, String> settings = TestGateway.freshSettings(vertx);
    settings.put("AUDIT_QUEUE_MAX", "3");
    settings.put("AUDIT_FLUSH_MILLIS", "600000");
    TestGateway gateway = TestGateway.start(vertx, settings, CLOCK);
    DecisionAuditLog log = gateway.gateway().services().auditLog();
    createAccount(gateway, "audit-2");
    for (int i = 0; i < 10; i++) {
      assertThat(gateway.post("/v1/limit-checks", new JsonObject().put("accountId", "audit-2").put("amount", 100))
          .statusCode()).isEqualTo(200);
    }
    assertThat(log.accepted()).isEqualTo(3);
    assertThat(log.overflowed()).isEqualTo(7);
    assertThat(TestServices.await(gateway.client().get("/metrics").send()).bodyAsString())
        .contains("creditgate_audit_overflow_total 7.0");
    gateway.close();
    assertThat(log.written()).isEqualTo(3);
    assertThat(log.backlog()).isZero();
    assertThat(gateway.sql("SELECT count(*) AS n FROM decision_audit").iterator().next().getLong("n")).isEqualTo(3);
  }

  @Test
  void eachBatchIsOneInsertStatement() {
    Map<String, String> settings = TestGateway.freshSettings(vertx);
    settings.put("AUDIT_BATCH_MAX", "100");
    settings.put("AUDIT_FLUSH_MILLIS", "600000");
    TestGateway gateway = TestGateway.start(vertx, settings, CLOCK);
    gateway.sql("CREATE TABLE audit_statements (n integer NOT NULL)");
    gateway.sql("CREATE FUNCTION count_audit_statement() RETURNS trigger LANGUAGE plpgsql AS "
        + "'BEGIN INSERT INTO audit_statements VALUES (1); RETURN NULL; END'");
    gateway.sql("CREATE TRIGGER audit_statement AFTER INSERT ON decision_audit_segments FOR EACH STATEMENT "
        + "EXECUTE FUNCTION count_audit_statement()");
    DecisionAuditLog log = gateway.gateway().services().auditLog();
    for (int i = 0; i < 250; i++) {
      log.offer(AuditRecords.sample("batch-" + i, CLOCK.millis()));
    }
    gateway.close();
    assertThat(log.written()).isEqualTo(250);
    assertThat(gateway.sql("SELECT count(*) AS n FROM decision_audit").iterator().next().getLong("n")).isEqualTo(250);
    assertThat(gateway.sql("SELECT count(*) AS n FROM audit_statements").iterator().next().getLong("n")).isEqualTo(3);
    assertThat(gateway.sql("SELECT count(*) AS n FROM decision_audit_segments").iterator().next().getLong("n"))
        .as("one segment row per batch").isEqualTo(3);
  }

  @Test
  void recordsRoundTripThroughTheBatchEncoding() {
    TestGateway gateway = TestGateway.start(vertx, TestGateway.freshSettings(vertx), CLOCK);
    DecisionAuditLog log = gateway.gateway().services().auditLog();
    AuditRecord sample = AuditRecords.sample("round-trip", CLOCK.millis());
    log.offer(sample);
    log.offer(AuditRecords.conservative("round-trip-degraded", CLOCK.millis()));
    gateway.close();
    Row row = gateway.sql("SELECT * FROM decision_audit WHERE decision_id = $1", sample.decisionId()).iterator().next();
    assertThat(row.getString("account_id")).isEqualTo(sample.accountId());
    assertThat(row.getDouble("pd")).isEqualTo(sample.pd());
    assertThat(row.getArrayOfStrings("reasons")).containsExactly("D201", "R101");
    assertThat(AuditBatch.decodeFeatures(row.getBuffer("features"))).containsExactly(sample.features());
    Row degraded = gateway.sql("SELECT * FROM decision_audit WHERE decision_id = $1",
        AuditRecords.id("round-trip-degraded"))
        .iterator().next();
    assertThat(degraded.getArrayOfStrings("reasons")).containsExactly("D206");
    assertThat(degraded.getDouble("pd")).isNaN();
    assertThat(degraded.getBoolean("degraded")).isTrue();
    assertThat(AuditBatch.decodeFeatures(degraded.getBuffer("features"))).hasSize(24).containsOnly(Float.NaN);
  }
}
