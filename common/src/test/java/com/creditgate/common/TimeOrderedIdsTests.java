package com.creditgate.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Decision and hold ids are RFC 9562 version-7 UUIDs: time first, unique, increasing within the JVM. */
class TimeOrderedIdsTests {
  /**
   * A millisecond one second past the last id this JVM generated, so a test's ids take exactly that time
   * whatever ran before (the generator never goes back).
   */
  private static long freshMillis() {
    return millisOf(TimeOrderedIds.next(System.currentTimeMillis())) + 1_000;
  }

  /** The 48-bit unix-millisecond field of a version-7 id. */
  private static long millisOf(UUID id) {
    return id.getMostSignificantBits() >>> 16;
  }

  @Test
  void versionVariantAndTimestampFieldsAreRfc9562Version7() {
    long millis = freshMillis();
    UUID id = TimeOrderedIds.next(millis);
    assertThat(millisOf(id)).isEqualTo(millis);
    assertThat(id.version()).isEqualTo(7);
    assertThat(id.variant()).isEqualTo(2);
    assertThat(id.toString()).matches("[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    assertThat(id.getMostSignificantBits() & 0xFFF).as("sequence of a new millisecond").isZero();
  }

  @Test
  void idsOfOneMillisecondIncreaseAndRunningOutOfSequenceMovesTheTimestampOn() {
    long millis = freshMillis();
    List<UUID> ids = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      ids.add(TimeOrderedIds.next(millis));
    }
    for (int i = 1; i < ids.size(); i++) {
      assertThat(ids.get(i).toString()).isGreaterThan(ids.get(i - 1).toString());
    }
    assertThat(millisOf(ids.get(0))).isEqualTo(millis);
    assertThat(millisOf(ids.get(4_095))).isEqualTo(millis);
    assertThat(millisOf(ids.get(9_999))).isEqualTo(millis + 2);
    assertThat(ids).allMatch(id -> id.version() == 7 && id.variant() == 2);
  }

  @Test
  void aClockSteppingBackNeverGivesASmallerId() {
    long millis = freshMillis();
    UUID later = TimeOrderedIds.next(millis);
    UUID earlierClock = TimeOrderedIds.next(millis - 5_000);
    assertThat(earlierClock.toString()).isGreaterThan(later.toString());
  }

  @Test
  void idsFromConcurrentThreadsAreAllDistinct() {
    int threads = 4;
    int perThread = 50_000;
    List<CompletableFuture<List<UUID>>> runs = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      runs.add(CompletableFuture.supplyAsync(() -> {
        List<UUID> ids = new ArrayList<>(perThread);
        for (int i = 0; i < perThread; i++) {
          ids.add(TimeOrderedIds.next(System.currentTimeMillis()));
        }
        return ids;
      }));
    }
    Set<UUID> all = new HashSet<>();
    for (CompletableFuture<List<UUID>> run : runs) {
      List<UUID> ids = run.join();
      for (int i = 1; i < ids.size(); i++) {
        assertThat(ids.get(i).toString()).isGreaterThan(ids.get(i - 1).toString());
      }
      all.addAll(ids);
    }
    assertThat(all).hasSize(threads * perThread);
  }
}
