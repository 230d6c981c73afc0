package com.creditgate.common.reason;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class ReasonCodeTests {

  @Test
  void codesAreUnique() {
    assertThat(Arrays.stream(ReasonCode.values()).map(ReasonCode::code).distinct().count())
        .isEqualTo(ReasonCode.values().length);
  }

  @Test
  void everyReasonHasBothLanguages() {
    for (ReasonCode reason : ReasonCode.values()) {
      assertThat(reason.message(Locale.ENGLISH)).isNotBlank();
      assertThat(reason.message(Locale.SIMPLIFIED_CHINESE)).isNotBlank()
          .isNotEqualTo(reason.message(Locale.ENGLISH));
    }
  }

  @Test
  void chineseIsChosenOnlyForChineseLocales() {
    assertThat(ReasonCode.ACCOUNT_FROZEN.message(Locale.forLanguageTag("zh-CN"))).isEqualTo("账户因逾期被冻结");
    assertThat(ReasonCode.ACCOUNT_FROZEN.message(Locale.GERMAN)).startsWith("Account is frozen");
  }
}
