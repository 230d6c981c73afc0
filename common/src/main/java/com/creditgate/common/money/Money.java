package com.creditgate.common.money;

import com.creditgate.common.Check;

/**
 * Arithmetic on money held as a {@code long} count of minor units (fen). No float or double ever touches
 * money: every operation is exact and overflow throws. Thread-safe (stateless).
 */
public final class Money {
  /** Default currency of the product. */
  public static final String DEFAULT_CURRENCY = "CNY";
  /** Minor units per major unit (fen per yuan). */
  public static final long MINOR_PER_MAJOR = 100L;

  private Money() {}

  /** {@code a + b}, throwing {@link ArithmeticException} on overflow. */
  public static long add(long aMinor, long bMinor) {
    return Math.addExact(aMinor, bMinor);
  }

  /** {@code a - b}, throwing {@link ArithmeticException} on overflow. */
  public static long subtract(long aMinor, long bMinor) {
    return Math.subtractExact(aMinor, bMinor);
  }

  /** Available credit: {@code max(0, limit - outstanding - held)}. */
  public static long available(long creditLimitMinor, long outstandingMinor, long heldMinor) {
    requireNonNegative(creditLimitMinor, "creditLimit");
    requireNonNegative(outstandingMinor, "outstanding");
    requireNonNegative(heldMinor, "held");
    return Math.max(0L, subtract(subtract(creditLimitMinor, outstandingMinor), heldMinor));
  }

  /** Major units to minor units, exact. */
  public static long ofMajor(long major) {
    return Math.multiplyExact(major, MINOR_PER_MAJOR);
  }

  /** Rounds {@code amountMinor} down to a multiple of {@code stepMinor} (a positive step). */
  public static long roundDown(long amountMinor, long stepMinor) {
    Check.argument(stepMinor > 0, "step must be positive, was %s", stepMinor);
    return amountMinor <= 0 ? 0 : amountMinor - amountMinor % stepMinor;
  }

  /** Basis points in one whole: {@code 10_000} bps = 100 %. */
  public static final long BPS_ONE = 10_000L;

  /**
   * {@code amountMinor * bps / 10 000}, rounded down: scales money by a factor given in basis points
   * ({@code 15_000} = 1.5x), exactly, without floating point. Throws on overflow or negative input.
   */
  public static long scaleBps(long amountMinor, long bps) {
    requireNonNegative(amountMinor, "amount");
    Check.argument(bps >= 0, "bps must be >= 0, was %s", bps);
    return Math.multiplyExact(amountMinor, bps) / BPS_ONE;
  }

  /**
   * Returns {@code amountMinor}, or throws when it is negative. Tests first and formats only to throw:
   * {@code Check.that}'s varargs boxed the amount on every call, and every limit-check asks for the available
   * credit (three calls) more than once, 1.5 % of the bytes a warm limit-check allocated.
   */
  public static long requireNonNegative(long amountMinor, String name) {
    if (amountMinor < 0) {
      throw new IllegalStateException(name + " must be >= 0, was " + amountMinor);
    }
    return amountMinor;
  }
}
