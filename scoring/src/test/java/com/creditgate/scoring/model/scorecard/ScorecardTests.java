package com.creditgate.scoring.model.scorecard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.creditgate.scoring.feature.Feature;
import com.creditgate.scoring.feature.FeatureSchema;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ScorecardTests {

  static Scorecard defaultScorecard() throws IOException {
    try (InputStream in = ScorecardTests.class.getResourceAsStream("/models/scorecard-default.json")) {
      return ScorecardReader.read(in.readAllBytes());
    }
  }

  @Test
  void overdueRaisesProbabilityOfDefault() throws IOException {
    Scorecard scorecard = defaultScorecard();
    float[] good = FeatureSchema.missingVector();
    good[Feature.CREDIT_SCORE.ordinal()] = 720;
    good[Feature.CURRENT_DPD.ordinal()] = 0;
    float[] overdue = good.clone();
    overdue[Feature.CURRENT_DPD.ordinal()] = 20;
    assertThat(scorecard.probabilityOfDefault(overdue)).isGreaterThan(scorecard.probabilityOfDefault(good));
  }

  @Test
  void explainRanksPointsLostAgainstBestBin() throws IOException {
    Scorecard scorecard = defaultScorecard();
    float[] features = FeatureSchema.missingVector();
    features[Feature.CURRENT_DPD.ordinal()] = 40;
    features[Feature.CREDIT_SCORE.ordinal()] = 500;
    assertThat(scorecard.explain(features, 2)).extracting(f -> f.feature())
        .containsExactly(Feature.CURRENT_DPD, Feature.CREDIT_SCORE);
  }

  @Test
  void unknownFeatureFailsLoadNamingIt() {
    byte[] json = """
        {"version":"x","basePoints":600,"characteristics":[{"feature":"shoeSize","bins":[{"upperBound":1,"points":1}]}]}
        """.getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> ScorecardReader.read(json)).hasMessageContaining("shoeSize");
  }
}
