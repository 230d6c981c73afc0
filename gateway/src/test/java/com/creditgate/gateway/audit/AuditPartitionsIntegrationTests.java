package com.creditgate.gateway.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.creditgate.gateway.support.TestGateway;
import com.creditgate.gateway.support.TestServices;
import com.creditgate.gateway.support.TestVertx;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Row;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Daily partitions of the decision audit: created ahead by the writer, old ones dropped by retention. */
class AuditPartitionsIntegrationTests {
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

  private static List<String> dayPartitions(TestGateway gateway) {
    List<String> names = new ArrayList<>();
    for (Row row : gateway.sql("SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid "
        + "WHERE i.inhparent = 'decision_audit_segments'::regclass AND c.relname <> 'decision_audit_default' ORDER BY 1")) {
      names.add(row.getString("relname"));
    }
    return names;
  }

  private static String partitionOf(TestGateway gateway, String name) {
    return gateway.sql("SELECT tableoid::regclass::text AS part FROM decision_audit_segments"
            + " WHERE $1 = ANY (decision_ids)",
            AuditRecords.id(name))
        .iterator().next().getString("part");
  }

  @Test
  void writerCreatesDayPartitionsFromYesterdayToTheDaysAhead() {
    Map<String, String> settings = TestGateway.freshSettings(vertx);
    settings.put("AUDIT_PARTITION_DAYS_AHEAD", "3");
    TestGateway gateway = TestGateway.start(vertx, settings, CLOCK);
    try {
      assertThat(dayPartitions(gateway)).containsExactly("decision_audit_p20261121", "decision_audit_p20261122",
          "decision_audit_p20261123", "decision_audit_p20261124", "decision_audit_p20261125");
    } finally {
      gateway.close();
    }
  }

  @Test
  void aDayWithoutItsPartitionLandsInTheDefaultAndMovesWhenTheDayIsCreated() {
    Map<String, String> settings = TestGateway.freshSettings(vertx);
    settings.put("AUDIT_BATCH_MAX", "1"); // a segment per decision: a segment lives in its last decision's day
    TestGateway gateway = TestGateway.start(vertx, settings, CLOCK);
    DecisionAuditLog log = gateway.gateway().services().auditLog();
    log.offer(AuditRecords.sample("today", CLOCK.millis()));
    log.offer(AuditRecords.sample("far-ahead", Instant.parse("2027-03-01T08:00:00Z").toEpochMilli()));
    gateway.close();
    assertThat(log.written()).isEqualTo(2);
    assertThat(partitionOf(gateway, "today")).isEqualTo("decision_audit_p20261122");
    assertThat(partitionOf(gateway, "far-ahead")).isEqualTo("decision_audit_default");
    gateway.sql("SELECT decision_audit_maintain('2027-03-01'::date, 1, 25)");
    assertThat(partitionOf(gateway, "far-ahead")).isEqualTo("decision_audit_p20270301");
  }

  @Test
  void partitionsOlderThanTheRetentionAreDroppedAtStart() {
    Map<String, String> settings = TestGateway.freshSettings(vertx);
    TestGateway first = TestGateway.start(vertx, settings, CLOCK);
    first.gateway().services().auditLog().offer(AuditRecords.sample("old", CLOCK.millis()));
    first.close();
    settings.put("AUDIT_RETENTION_MONTHS", "1");
    Clock later = Clock.fixed(Instant.parse("2026-12-24T10:00:00Z"), ZoneOffset.UTC);
    TestGateway second = TestGateway.start(vertx, settings, later);
    try {
      assertThat(dayPartitions(second)).first().isEqualTo("decision_audit_p20261124");
      assertThat(dayPartitions(second)).contains("decision_audit_p20261129", "decision_audit_p20261223",
          "decision_audit_p20261231");
      assertThat(second.sql("SELECT count(*) AS n FROM decision_audit WHERE decision_id = $1", AuditRecords.id("old"))
          .iterator().next()
          .getLong("n")).isZero();
    } finally {
      second.close();
    }
  }
}
