package com.creditgate.scoring.testing;

import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * Makes one random value from a try's random source. A generator draws only from {@code random}, so the same
 * seed makes the same value. Implementations are stateless.
 */
@FunctionalInterface
public interface Generator<T> {
  T next(SplittableRandom random);

  /** This generator's values passed through {@code mapper}. */
  default <R> Generator<R> map(Function<? super T, ? extends R> mapper) {
    return random -> mapper.apply(next(random));
  }
}
