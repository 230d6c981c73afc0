package com.creditgate.gateway.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/** The segment account filter: never a false "no", rarely a false "maybe", any text the same as its UTF-8 bytes. */
class AuditBloomTests {

  @Property(tries = 500)
  void everyAccountOfASegmentMayBeInIt(@ForAll @Size(min = 1, max = 600) List<@From("accounts") String> accounts) {
    byte[] bloom = AuditBloom.of(accounts.toArray(String[]::new));
    assertThat(bloom).hasSize(Math.max(AuditBloom.MIN_BYTES, 2 * accounts.size()));
    for (String account : accounts) {
      assertThat(AuditBloom.mayHold(bloom, account)).as(account).isTrue();
    }
  }

  @Provide
  Arbitrary<String> accounts() {
    return Arbitraries.oneOf(
        Arbitraries.integers().between(0, 9_999_999).map(n -> String.format("acc-%07d", n)),
        Arbitraries.strings().ofMinLength(0).ofMaxLength(40),
        Arbitraries.strings().withCharRange('\u00a0', '\u07ff').ofMinLength(1).ofMaxLength(12));
  }

  @Property(tries = 20)
  void aboutOneSegmentInAThousandPassesForAnAccountItLacks(@ForAll("sizes") int size) {
    String[] accounts = new String[size];
    Set<String> members = new HashSet<>();
    for (int i = 0; i < size; i++) {
      accounts[i] = "acc-" + (i * 7_919L + size);
      members.add(accounts[i]);
    }
    byte[] bloom = AuditBloom.of(accounts);
    int falseMaybes = 0;
    int asked = 0;
    for (long n = 0; asked < 100_000; n++) {
      String other = "other-" + n;
      if (!members.contains(other)) {
        asked++;
        if (AuditBloom.mayHold(bloom, other)) {
          falseMaybes++;
        }
      }
    }
    // 16 bits and 8 probes per entry: about 6 in 10 000 in theory; 30 in 10 000 allows for the hash
    System.out.println("bloom size " + size + ": " + falseMaybes + " false maybes in 100000");
    assertThat(falseMaybes).as("false maybes in 100 000 for a segment of %s", size).isLessThan(300);
  }

  @Provide
  Arbitrary<Integer> sizes() {
    return Arbitraries.of(1, 3, 50, 500, 2_000, 5_000);
  }

  @Property(tries = 300)
  void anyTextHashesItsUtf8Bytes(@ForAll String account) {
    long viaBytes = hashOfBytes(account.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertThat(AuditBloom.hashes(account)).isEqualTo(viaBytes);
  }

  /** The hashes written out from the definition in V014, byte by byte. */
  private static long hashOfBytes(byte[] bytes) {
    long h1 = 2_166_136_261L;
    long h2 = 3_339_675_911L;
    for (byte raw : bytes) {
      h1 = ((h1 ^ (raw & 0xFF)) * 16_777_619L) % 4_294_967_296L;
      h2 = ((h2 ^ (raw & 0xFF)) * 1_540_483_477L) % 4_294_967_296L;
    }
    return mixed(h1) << 32 | (mixed(h2) | 1);
  }

  private static long mixed(long h) {
    for (int round = 0; round < 2; round++) {
      h = ((h ^ (h >> 16)) * 0x45d9f3bL) % 4_294_967_296L;
    }
    return h ^ (h >> 16);
  }
}
