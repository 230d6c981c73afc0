package com.creditgate.scoring.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.creditgate.common.reason.ReasonCode;
import com.creditgate.scoring.feature.Feature;
import com.creditgate.scoring.feature.FeatureSchema;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import com.creditgate.scoring.testing.Generator;
import com.creditgate.scoring.testing.Generators;
import com.creditgate.scoring.testing.Property;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Adverse-action accuracy (issue #13): a reason names only a factor that is present in the account's vector
 * and actually lowered its score, for the scorecard and for the GBDT's TreeSHAP explanations alike.
 */
class ExplanationPropertyTests {
  private static final CreditModel SCORECARD = load("/models/scorecard-default.json");
  private static final CreditModel GBDT = load("/models/gbdt-default.json");

  @Test
  void scorecardReasonsNameOnlyPresentFactorsThatLoweredTheScore() {
    Property.forAll(500, vectors(), features -> assertReasonsAreAccurate(SCORECARD, features));
  }

  @Test
  void gbdtReasonsNameOnlyPresentFactorsThatLoweredTheScore() {
    Property.forAll(500, vectors(), features -> assertReasonsAreAccurate(GBDT, features));
  }

  @Test
  void aNeverOverdueAccountIsNotToldItIsOverdue() {
    float[] neverOverdue = FeatureSchema.missingVector();
    neverOverdue[Feature.CREDIT_SCORE.ordinal()] = 720;
    float[] zeroDpd = neverOverdue.clone();
    zeroDpd[Feature.CURRENT_DPD.ordinal()] = 0;
    for (CreditModel model : List.of(SCORECARD, GBDT)) {
      assertThat(model.explain(neverOverdue, 4)).extracting(f -> f.feature().reason())
          .doesNotContain(ReasonCode.CURRENTLY_OVERDUE);
    }
    assertThat(SCORECARD.probabilityOfDefault(neverOverdue))
        .isLessThanOrEqualTo(SCORECARD.probabilityOfDefault(zeroDpd));
  }

  private static void assertReasonsAreAccurate(CreditModel model, float[] features) {
    List<Factor> factors = model.explain(features, 4);
    assertThat(factors.size()).isLessThanOrEqualTo(4);
    for (Factor factor : factors) {
      assertThat(features[factor.feature().ordinal()]).as("%s is present", factor.feature()).isNotNaN();
      assertThat(factor.impact()).as("%s lowered the score", factor.feature()).isPositive();
    }
  }

  /** Random feature vectors: each feature missing one time in four, else in [0, 1000] to 2 decimals. */
  private static Generator<float[]> vectors() {
    Generator<Float> value = Generators.<Float>frequency().or(1, Generators.just(Float.NaN))
        .or(3, Generators.floats(0, 1_000));
    return Generators.floatArrays(value, FeatureSchema.SIZE);
  }

  private static CreditModel load(String resource) {
    try (InputStream in = ExplanationPropertyTests.class.getResourceAsStream(resource)) {
      return ModelReader.read(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
