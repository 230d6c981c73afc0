package com.creditgate.scoring.testing;

import com.creditgate.common.Check;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Runs a property over random inputs: try {@code i} draws from the {@code i}-th split of a
 * {@link SplittableRandom} seeded with the base seed, so a failing try replays from the seed alone. The base seed
 * is {@link #DEFAULT_SEED} unless {@code -Dproperty.seed} names one ({@code random}: a fresh one, printed);
 * {@code -Dproperty.tries} overrides every property's number of tries. A failure is rethrown as an
 * {@link AssertionError} naming the seed, the try and the input, with the original failure as its cause.
 * Thread-safe (stateless).
 */
public final class Property {
  /** The base seed of every run that names none: runs are deterministic unless asked otherwise. */
  public static final long DEFAULT_SEED = 0x2026_1122_13L;

  private Property() {}

  /** Checks {@code property} on {@code tries} values of {@code generator} (or {@code -Dproperty.tries}). */
  public static <T> void forAll(int tries, Generator<T> generator, Consumer<? super T> property) {
    forAll(baseSeed(), Integer.getInteger("property.tries", tries), generator, property);
  }

  /** Checks {@code property} on {@code tries} values of {@code generator} drawn from {@code baseSeed}. */
  public static <T> void forAll(long baseSeed, int tries, Generator<T> generator, Consumer<? super T> property) {
    Check.argument(tries >= 1, "tries must be >= 1, was %s", tries);
    SplittableRandom root = new SplittableRandom(baseSeed);
    for (int attempt = 0; attempt < tries; attempt++) {
      T value = generator.next(root.split());
      try {
        property.accept(value);
      } catch (AssertionError | RuntimeException failure) {
        String message = String.valueOf(failure.getMessage()).strip();
        throw new AssertionError(String.format(
            "property failed at try %d of %d, seed %d (replay: -Dproperty.seed=%d)%n  input: %s%n  failure: %s",
            attempt, tries, baseSeed, baseSeed, describe(value), message), failure);
      }
    }
  }

  private static String describe(Object value) {
    return value instanceof float[] floats ? Arrays.toString(floats) : String.valueOf(value);
  }

  private static long baseSeed() {
    String named = System.getProperty("property.seed");
    if (named == null || named.isBlank()) {
      return DEFAULT_SEED;
    }
    if (named.equals("random")) {
      long seed = new SplittableRandom().nextLong();
      System.err.println("property.seed=" + seed);
      return seed;
    }
    return Long.parseLong(named.trim());
  }
}
