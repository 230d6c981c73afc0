package com.creditgate.gateway.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.creditgate.scoring.feature.Feature;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class ImprovementTipsTests {
  @Test
  void everyModelFactorHasATipInEnglishAndChinese() {
    for (Feature feature : Feature.values()) {
      String english = ImprovementTips.tip(feature.reason(), Locale.ENGLISH).orElseThrow();
      String chinese = ImprovementTips.tip(feature.reason(), Locale.SIMPLIFIED_CHINESE).orElseThrow();
      assertThat(chinese).as(feature.name()).isNotEqualTo(english);
    }
  }
}
