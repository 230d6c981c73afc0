package com.creditgate.scoring.testing;

import com.creditgate.common.Check;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Generators of plain values. Numbers within bounds are uniform, except that one draw in {@link #EDGE_ONE_IN}
 * is a bound itself, as jqwik mixed edge cases in: the bounds are where rules change.
 */
public final class Generators {
  /** One draw in this many of a bounded number is one of its bounds. */
  public static final int EDGE_ONE_IN = 16;

  private Generators() {}

  /** A long in [{@code min}, {@code max}]. */
  public static Generator<Long> longs(long min, long max) {
    Check.argument(min <= max, "min %s > max %s", min, max);
    return random -> {
      if (random.nextInt(EDGE_ONE_IN) == 0) {
        return random.nextBoolean() ? min : max;
      }
      return max == Long.MAX_VALUE ? random.nextLong(min - 1, max) + 1 : random.nextLong(min, max + 1);
    };
  }

  /** An int in [{@code min}, {@code max}]. */
  public static Generator<Integer> ints(int min, int max) {
    return longs(min, max).map(Long::intValue);
  }

  /** A double in [{@code min}, {@code max}] rounded to {@code scale} decimals (jqwik's {@code ofScale}). */
  public static Generator<Double> doubles(double min, double max, int scale) {
    Check.argument(min <= max && scale >= 0, "bad range [%s, %s] or scale %s", min, max, scale);
    double unit = Math.pow(10, scale);
    long low = (long) Math.ceil(min * unit);
    long high = (long) Math.floor(max * unit);
    return longs(low, high).map(units -> units / unit);
  }

  /** A float in [{@code min}, {@code max}] rounded to 2 decimals (jqwik's default scale for floats). */
  public static Generator<Float> floats(float min, float max) {
    return doubles(min, max, 2).map(Double::floatValue);
  }

  /** Always {@code value}. */
  public static <T> Generator<T> just(T value) {
    return random -> value;
  }

  /** One of {@code choices}, equally likely. */
  @SafeVarargs
  public static <T> Generator<T> oneOf(Generator<? extends T>... choices) {
    Check.argument(choices.length > 0, "no choices");
    return random -> choices[random.nextInt(choices.length)].next(random);
  }

  /** A generator of weighted choices; build with {@link #frequency()} then {@link Weighted#or}. */
  public static <T> Weighted<T> frequency() {
    return new Weighted<>(List.of(), List.of());
  }

  /** A list of {@code element}s, its size uniform in [0, {@code maxSize}]. */
  public static <T> Generator<List<T>> listOf(Generator<T> element, int maxSize) {
    Check.argument(maxSize >= 0, "maxSize %s < 0", maxSize);
    return random -> {
      int size = random.nextInt(maxSize + 1);
      List<T> list = new ArrayList<>(size);
      for (int i = 0; i < size; i++) {
        list.add(element.next(random));
      }
      return List.copyOf(list);
    };
  }

  /** A float array of {@code size} values of {@code element}. */
  public static Generator<float[]> floatArrays(Generator<Float> element, int size) {
    return random -> {
      float[] array = new float[size];
      for (int i = 0; i < size; i++) {
        array[i] = element.next(random);
      }
      return array;
    };
  }

  /** Choices drawn in proportion to their weights (jqwik's {@code frequencyOf}). Immutable. */
  public static final class Weighted<T> implements Generator<T> {
    private final List<Integer> weights;
    private final List<Generator<? extends T>> choices;

    private Weighted(List<Integer> weights, List<Generator<? extends T>> choices) {
      this.weights = weights;
      this.choices = choices;
    }

    /** These choices and {@code choice} with {@code weight}. */
    public Weighted<T> or(int weight, Generator<? extends T> choice) {
      Check.argument(weight > 0, "weight %s <= 0", weight);
      List<Integer> moreWeights = new ArrayList<>(weights);
      moreWeights.add(weight);
      List<Generator<? extends T>> moreChoices = new ArrayList<>(choices);
      moreChoices.add(choice);
      return new Weighted<>(List.copyOf(moreWeights), List.copyOf(moreChoices));
    }

    @Override
    public T next(SplittableRandom random) {
      Check.argument(!choices.isEmpty(), "no choices");
      int total = weights.stream().mapToInt(Integer::intValue).sum();
      int draw = random.nextInt(total);
      for (int i = 0; ; i++) {
        draw -= weights.get(i);
        if (draw < 0) {
          return choices.get(i).next(random);
        }
      }
    }
  }
}
