package com.creditgate.scoring.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The property harness itself: it runs every try, fails loudly with a replayable seed, and replays. */
class PropertyTests {

  @Test
  void aFalsePropertyFailsNamingTheSeedTheTryAndTheInput() {
    assertThatThrownBy(() -> Property.forAll(42, 100, Generators.ints(0, 100), x -> assertThat(x).isLessThan(50)))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("seed 42")
        .hasMessageContaining("-Dproperty.seed=42")
        .hasMessageMatching("(?s)property failed at try \\d+ of 100.*input: \\d+.*")
        .cause().isInstanceOf(AssertionError.class);
  }

  @Test
  void anExceptionInThePropertyIsAFailureToo() {
    assertThatThrownBy(() -> Property.forAll(7, 10, Generators.just("x"), x -> {
      throw new IllegalStateException("broken rule");
    })).isInstanceOf(AssertionError.class).hasMessageContaining("try 0 of 10").hasMessageContaining("broken rule");
  }

  @Test
  void aTruePropertyRunsEveryTry() {
    List<Integer> seen = new ArrayList<>();
    Property.forAll(1, 250, Generators.ints(0, 9), seen::add);
    assertThat(seen).hasSize(250);
  }

  @Test
  void theSameSeedReplaysTheSameInputsAndAnotherSeedDoesNot() {
    assertThat(inputs(99)).isEqualTo(inputs(99)).isNotEqualTo(inputs(100));
  }

  @Test
  void aFailureReplaysAtTheSameTryFromItsSeed() {
    String first = failureOf(123_456_789L);
    assertThat(first).isEqualTo(failureOf(123_456_789L));
  }

  @Test
  void boundedNumbersStayWithinTheirBoundsAndReachThem() {
    List<Long> values = new ArrayList<>();
    Property.forAll(5, 2_000, Generators.longs(-3, 1_000_000), values::add);
    assertThat(values).allMatch(v -> v >= -3 && v <= 1_000_000).contains(-3L, 1_000_000L);
    Property.forAll(5, 2_000, Generators.doubles(0.0005, 0.4, 4),
        d -> assertThat(d).isBetween(0.0005, 0.4).isEqualTo(Math.round(d * 10_000) / 10_000.0));
  }

  @Test
  void weightedChoicesFollowTheirWeights() {
    List<Integer> values = new ArrayList<>();
    Property.forAll(3, 6_000, Generators.<Integer>frequency().or(4, Generators.just(0)).or(1, Generators.just(15))
        .or(1, Generators.just(45)), values::add);
    long zeros = values.stream().filter(v -> v == 0).count();
    assertThat(zeros).isBetween(3_600L, 4_400L);
    assertThat(values).containsOnly(0, 15, 45);
  }

  @Test
  void listsRangeFromEmptyToTheirMaximumSize() {
    List<Integer> sizes = new ArrayList<>();
    Property.forAll(11, 1_000, Generators.listOf(Generators.ints(0, 1), 30), list -> sizes.add(list.size()));
    assertThat(sizes).allMatch(size -> size <= 30).contains(0, 30);
  }

  private static List<Long> inputs(long seed) {
    List<Long> values = new ArrayList<>();
    Property.forAll(seed, 50, Generators.longs(0, Long.MAX_VALUE), values::add);
    return values;
  }

  private static String failureOf(long seed) {
    try {
      Property.forAll(seed, 1_000, Generators.ints(0, 1_000), x -> assertThat(x % 97).isNotZero());
    } catch (AssertionError failure) {
      return failure.getMessage();
    }
    throw new AssertionError("the property did not fail");
  }
}
