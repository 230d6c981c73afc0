package com.creditgate.gateway.audit;

import java.nio.charset.StandardCharsets;

/**
 * The Bloom filter of a segment's accounts (V014, {@code account_bloom}): 16 bits and 8 probes per decision, so
 * about one segment in 1 700 that lacks an account still passes, and none that has it fails. A lookup of one
 * account reads the filter of each segment in its window and opens the account array only where the filter says
 * "maybe". Postgres computes the same filter ({@code decision_audit_account_bloom}) and the same hashes
 * ({@code decision_audit_account_hashes}); {@code AuditSegmentsIntegrationTests} holds the two equal. The hashes are
 * two 32-bit FNV-1a style hashes over the id's UTF-8 bytes, each finished by {@link #mix}, with multipliers that
 * keep every product inside a signed 64-bit integer, so that Postgres can compute them in {@code int8}.
 */
final class AuditBloom {
  static final int PROBES = 8;
  /** The smallest filter: double hashing gives a filter of m bits only m * m / 2 probe patterns, too few below this. */
  static final int MIN_BYTES = 32;
  private static final long MASK32 = 0xFFFF_FFFFL;
  private static final long BASIS_1 = 2_166_136_261L;
  private static final long PRIME_1 = 16_777_619L;
  private static final long BASIS_2 = 3_339_675_911L;
  private static final long PRIME_2 = 1_540_483_477L;
  private static final long MIX = 0x45d9f3bL;

  private AuditBloom() {}

  /** The filter of {@code accounts} (nulls skipped): 2 bytes per entry, at least {@link #MIN_BYTES}. */
  static byte[] of(String[] accounts) {
    long[] hashes = new long[accounts.length];
    int count = 0;
    for (String account : accounts) {
      if (account != null) {
        hashes[count++] = hashes(account);
      }
    }
    return ofHashes(hashes, count, accounts.length);
  }

  /**
   * The filter of the accounts whose {@link #hashes} are the first {@code count} of {@code hashes}, sized for
   * {@code entries} (2 bytes each, at least {@link #MIN_BYTES}): the size counts every decision of the segment,
   * as Postgres sizes it, those without an account included.
   */
  static byte[] ofHashes(long[] hashes, int count, int entries) {
    byte[] bloom = new byte[Math.max(MIN_BYTES, 2 * entries)];
    long bits = 8L * bloom.length;
    for (int i = 0; i < count; i++) {
      long bit = first(hashes[i], bits);
      long step = step(hashes[i], bits);
      for (int probe = 0; probe < PROBES; probe++) {
        bloom[(int) (bit >>> 3)] |= (byte) (1 << (bit & 7));
        bit = next(bit, step, bits);
      }
    }
    return bloom;
  }

  /** Whether {@code bloom} may hold {@code account} (false: it certainly does not). */
  static boolean mayHold(byte[] bloom, String account) {
    long bits = 8L * bloom.length;
    long hashes = hashes(account);
    long bit = first(hashes, bits);
    long step = step(hashes, bits);
    for (int probe = 0; probe < PROBES; probe++) {
      if ((bloom[(int) (bit >>> 3)] & (1 << (bit & 7))) == 0) {
        return false;
      }
      bit = next(bit, step, bits);
    }
    return true;
  }

  /*
   * Probe p of an account with these hashes sets bit (h1 + p * h2) mod bits, as V014's SQL computes it; bit n is
   * bit n % 8 of byte n / 8. Walked as (h1 mod bits) plus p steps of (h2 mod bits), each reduced by one subtraction:
   * the same bits with two divisions per account instead of one per probe.
   */
  private static long first(long hashes, long bits) {
    return (hashes >>> 32) % bits;
  }

  private static long step(long hashes, long bits) {
    return (hashes & MASK32) % bits;
  }

  private static long next(long bit, long step, long bits) {
    long sum = bit + step;
    return sum >= bits ? sum - bits : sum;
  }

  /** h1 in the high 32 bits, h2 (odd) in the low 32, as {@code decision_audit_account_hashes} returns them. */
  static long hashes(String account) {
    long h1 = BASIS_1;
    long h2 = BASIS_2;
    // ASCII ids (all of ours) are their own UTF-8 bytes: hashed from the chars, no byte array; any other char
    // starts over from the real UTF-8 encoding
    for (int i = 0; i < account.length(); i++) {
      int b = account.charAt(i);
      if (b >= 0x80) {
        return hashesOf(account.getBytes(StandardCharsets.UTF_8));
      }
      h1 = fnv(h1, b, PRIME_1);
      h2 = fnv(h2, b, PRIME_2);
    }
    return mix(h1) << 32 | (mix(h2) | 1);
  }

  private static long hashesOf(byte[] utf8) {
    long h1 = BASIS_1;
    long h2 = BASIS_2;
    for (byte raw : utf8) {
      int b = raw & 0xFF;
      h1 = fnv(h1, b, PRIME_1);
      h2 = fnv(h2, b, PRIME_2);
    }
    return mix(h1) << 32 | (mix(h2) | 1);
  }

  /** One FNV-1a step over byte {@code b} (0..255), kept to 32 bits. */
  private static long fnv(long h, int b, long prime) {
    return ((h ^ b) * prime) & MASK32;
  }

  /**
   * Spreads every input bit over the whole 32-bit word (the multiply-xorshift finaliser with multiplier 0x45d9f3b,
   * whose products stay below 2^59): FNV's low bits depend only on the inputs' low bits, and a small filter's
   * probe positions are the hashes' low bits.
   */
  static long mix(long h) {
    h = ((h ^ (h >>> 16)) * MIX) & MASK32;
    h = ((h ^ (h >>> 16)) * MIX) & MASK32;
    return h ^ (h >>> 16);
  }
}
