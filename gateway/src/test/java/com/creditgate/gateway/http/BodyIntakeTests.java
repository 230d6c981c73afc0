package com.creditgate.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BodyIntakeTests {
  @ParameterizedTest(name = "Content-Length \"{0}\" -> exact buffer {1}")
  @CsvSource(value = {"0,true", "61,true", "4096,true", "4097,false", "9999,false", "65536,false", "'',false",
      "NULL,false", "-1,false", "+1,false", "1e3,false", "' 61',false", "00061,false"}, nullValues = "NULL")
  void onlyAPlainDeclaredLengthUpToTheBoundGetsAnExactBuffer(String declared, boolean exact) {
    assertThat(BodyIntake.declaresSmallBody(declared)).isEqualTo(exact);
  }
}
