package com.creditgate.scoring.model.scorecard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.creditgate.scoring.feature.Feature;
import com.creditgate.scoring.feature.FeatureSchema;
import com.creditgate.scoring.model.ScoreScale;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
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

  @Test
  void wholePointsScoreExactlyAsBinByBin() throws IOException {
    Scorecard scorecard = defaultScorecard();
    Random random = new Random(7L);
    float[] edges = {Float.NaN, Float.NEGATIVE_INFINITY, Float.POSITIVE_INFINITY, -0.0f, 0.0f, 0.3f, 0.5f, 0.8f,
        0.95f, 1, 2, 3, 4, 8, 10, 31, 90, 365, 500, 550, 600, 750, 1000, 3000, 8000, 20000};
    for (int i = 0; i < 20_000; i++) {
      float[] row = new float[FeatureSchema.SIZE];
      for (int f = 0; f < row.length; f++) {
        float edge = edges[random.nextInt(edges.length)];
        row[f] = switch (random.nextInt(4)) {
          case 0 -> edge;
          case 1 -> Math.nextDown(edge);
          case 2 -> Math.nextUp(edge);
          default -> (float) (random.nextDouble() * 25_000 - 100);
        };
      }
      double points = scorecard.binByBin(row);
      assertThat(scorecard.points(row)).as("row %s", i).isEqualTo(points);
      assertThat(scorecard.probabilityOfDefault(row)).as("row %s", i).isEqualTo(ScoreScale.pdOf(points));
    }
  }

  @Test
  void fractionalPointsScoreBinByBin() {
    byte[] json = """
        {"version":"x","basePoints":600.25,"characteristics":[{"feature":"creditScore","missingPoints":-0.1,
          "bins":[{"upperBound":600,"points":-12.5},{"upperBound":"Infinity","points":7.3}]}]}
        """.getBytes(StandardCharsets.UTF_8);
    Scorecard scorecard = ScorecardReader.read(json);
    float[] row = FeatureSchema.missingVector();
    assertThat(scorecard.probabilityOfDefault(row)).isEqualTo(ScoreScale.pdOf(600.25 + -0.1));
    row[Feature.CREDIT_SCORE.ordinal()] = 599;
    assertThat(scorecard.probabilityOfDefault(row)).isEqualTo(ScoreScale.pdOf(600.25 + -12.5));
    row[Feature.CREDIT_SCORE.ordinal()] = 600;
    assertThat(scorecard.points(row)).isEqualTo(600.25 + 7.3);
  }
}
