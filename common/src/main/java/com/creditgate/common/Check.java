package com.creditgate.common;

/**
 * Always-on invariant checks: they throw even without {@code -ea}. Use them for programmer errors and for
 * invariants that protect money and state. Thread-safe (stateless).
 */
public final class Check {
  private Check() {}

  /** Throws {@link IllegalStateException} with the formatted message when {@code condition} is false. */
  public static void that(boolean condition, String format, Object... args) {
    if (!condition) {
      throw new IllegalStateException(String.format(format, args));
    }
  }

  /** Throws {@link IllegalArgumentException} with the formatted message when {@code condition} is false. */
  public static void argument(boolean condition, String format, Object... args) {
    if (!condition) {
      throw new IllegalArgumentException(String.format(format, args));
    }
  }

  /** Returns {@code value}, or throws {@link NullPointerException} naming {@code name}. */
  public static <T> T notNull(T value, String name) {
    if (value == null) {
      throw new NullPointerException(name + " must not be null");
    }
    return value;
  }
}
