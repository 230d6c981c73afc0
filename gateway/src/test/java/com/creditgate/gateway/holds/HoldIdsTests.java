package com.creditgate.gateway.holds;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Hold ids: {@code hld_} + a version-7 UUID in hex, unique and increasing, so the holds' key index appends. */
class HoldIdsTests {
  @Test
  void idsAreVersion7HexIncreasingAndUnique() {
    Instant now = Instant.now();
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      ids.add(HoldRoutes.holdId(now)); // one millisecond: the sequence orders them
    }
    ids.add(HoldRoutes.holdId(now.plusSeconds(1)));
    assertThat(ids).allMatch(id -> id.matches("hld_[0-9a-f]{12}7[0-9a-f]{3}[89ab][0-9a-f]{15}"));
    assertThat(new HashSet<>(ids)).hasSize(ids.size());
    assertThat(ids).isSorted();
    // The first 12 hex digits are the unix milliseconds (or later, never earlier: the generator never goes back).
    assertThat(Long.parseLong(ids.get(0).substring(4, 16), 16)).isGreaterThanOrEqualTo(now.toEpochMilli());
  }
}
