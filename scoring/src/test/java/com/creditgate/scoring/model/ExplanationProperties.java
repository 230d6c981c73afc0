package com.creditgate.scoring.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.creditgate.common.reason.ReasonCode;
import com.creditgate.scoring.feature.Feature;
import com.creditgate.scoring.feature.FeatureSchema;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Adverse-action accuracy (issue #13): a reason names only a factor that is present in the account's vector
 * and actually lowered its score, for the scorecard and for the GBDT's TreeSHAP explanations alike.
 */
class ExplanationProperties {
  private static final CreditModel SCORECARD = load("/models/scorecard-default.json");
  private static final CreditModel GBDT = load("/models/gbdt-default.json");

  @Property(tries = 500)
  void scorecardReasonsNameOnlyPresentFactorsThatLoweredTheScore(@ForAll("vectors") float[] features) {
    assertReasonsAreAccurate(SCORECARD, features);
  }

  @Property(tries = 500)
  void gbdtReasonsNameOnlyPresentFactorsThatLoweredTheScore(@ForAll("vectors") float[] features) {
    assertReasonsAreAccurate(GBDT, features);
  }

  @Example
  void aNeverOverdueAccountIsNotToldItIsOverdue() {
    float[] neverOverdue = FeatureSchema.missingVector();
    neverOverdue[Feature.CREDIT_SCORE.ordinal()] = 720;
    float[] zeroDpd = neverOverdue.clone();
    zeroDpd[Feature.CURRENT_DPD.ordinal()] = 0;
    for (CreditModel model : List.of(SCORECARD, GBDT)) {
      assertThat(model.explain(neverOverdue, 4)).extracting(f -> f.feature().reason())
          .doesNotContain(ReasonCode.CURRENTLY_OVERDUE);
    }
    assertThat(SCORECARD.probabilityOfDefault(neverOverdue)).isLessThanOrEqualTo(SCORECARD.probabilityOfDefault(zeroDpd));
  }

  private static void assertReasonsAreAccurate(CreditModel model, float[] features) {
    List<Factor> factors = model.explain(features, 4);
    assertThat(factors.size()).isLessThanOrEqualTo(4);
    for (Factor factor : factors) {
      assertThat(features[factor.feature().ordinal()]).as("%s is present", factor.feature()).isNotNaN();
      assertThat(factor.impact()).as("%s lowered the score", factor.feature()).isPositive();
    }
  }

  @Provide
  Arbitrary<float[]> vectors() {
    Arbitrary<Float> value = Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(1, Arbitraries.just(Float.NaN)),
        net.jqwik.api.Tuple.of(3, Arbitraries.floats().between(0, 1_000)));
    return value.array(float[].class).ofSize(FeatureSchema.SIZE);
  }

  private static CreditModel load(String resource) {
    try (InputStream in = ExplanationProperties.class.getResourceAsStream(resource)) {
      return ModelReader.read(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
