package com.creditgate.common.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MoneyTests {

  @Test
  void availableIsNeverNegative() {
    assertThat(Money.available(10_000, 9_000, 5_000)).isZero();
    assertThat(Money.available(10_000, 3_000, 2_000)).isEqualTo(5_000);
  }

  @Test
  void additionOverflowThrows() {
    assertThatThrownBy(() -> Money.add(Long.MAX_VALUE, 1)).isInstanceOf(ArithmeticException.class);
  }

  @Test
  void roundDownKeepsWholeSteps() {
    assertThat(Money.roundDown(1_234_567, 10_000)).isEqualTo(1_230_000);
    assertThat(Money.roundDown(-5, 100)).isZero();
  }

  @Test
  void negativeStateIsRejected() {
    assertThatThrownBy(() -> Money.available(100, -1, 0)).isInstanceOf(IllegalStateException.class)
        .hasMessage("outstanding must be >= 0, was -1");
    assertThatThrownBy(() -> Money.available(-5, 0, 0)).hasMessage("creditLimit must be >= 0, was -5");
    assertThatThrownBy(() -> Money.available(100, 0, -7)).hasMessage("held must be >= 0, was -7");
    assertThat(Money.available(100, 30, 20)).isEqualTo(50);
    assertThat(Money.available(0, 0, 0)).isZero();
  }

  @Test
  void scaleByBasisPointsIsExactAndRoundsDown() {
    assertThat(Money.scaleBps(1_000_000, 15_000)).isEqualTo(1_500_000);
    assertThat(Money.scaleBps(999, 5_000)).isEqualTo(499);
    assertThatThrownBy(() -> Money.scaleBps(Long.MAX_VALUE, 20_000)).isInstanceOf(ArithmeticException.class);
  }
}
