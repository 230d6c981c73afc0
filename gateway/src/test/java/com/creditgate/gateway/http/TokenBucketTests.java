package com.creditgate.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TokenBucketTests {
  private static final long SECOND = 1_000_000_000L;

  @Test
  void admitsABurstThenRefusesWithSecondsUntilTheNextToken() {
    TokenBucket bucket = new TokenBucket(1, 3, 0);
    assertThat(bucket.tryAcquire(0)).isZero();
    assertThat(bucket.tryAcquire(0)).isZero();
    assertThat(bucket.tryAcquire(0)).isZero();
    assertThat(bucket.tryAcquire(0)).isEqualTo(1);
  }

  @Test
  void refillsAtTheConfiguredRate() {
    TokenBucket bucket = new TokenBucket(2, 1, 0);
    assertThat(bucket.tryAcquire(0)).isZero();
    assertThat(bucket.tryAcquire(SECOND / 4)).isEqualTo(1);
    assertThat(bucket.tryAcquire(SECOND / 2)).isZero();
  }

  @Test
  void neverHoldsMoreThanTheBurst() {
    TokenBucket bucket = new TokenBucket(100, 2, 0);
    long later = 3_600 * SECOND;
    assertThat(bucket.tryAcquire(later)).isZero();
    assertThat(bucket.tryAcquire(later)).isZero();
    assertThat(bucket.tryAcquire(later)).isPositive();
  }

  @Test
  void retryAfterRoundsUpToWholeSeconds() {
    TokenBucket bucket = new TokenBucket(1, 1, 0);
    bucket.tryAcquire(0);
    assertThat(bucket.tryAcquire(SECOND / 10)).isEqualTo(1);
  }
}
