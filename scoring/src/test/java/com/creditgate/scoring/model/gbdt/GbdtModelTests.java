package com.creditgate.scoring.model.gbdt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.creditgate.scoring.feature.Feature;
import com.creditgate.scoring.feature.FeatureSchema;
import com.creditgate.scoring.model.Factor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Behaviour of {@link GbdtModel} and {@link GbdtReader} on a hand-made one-tree model whose answers are
 * worked out by hand: root {@code creditScore < 600} (cover 100, missing goes right) to a leaf 0.5
 * (cover 40) or to {@code currentDpd < 1} (cover 60, missing goes left) with leaves -0.3 (cover 45) and
 * 0.8 (cover 15).
 */
class GbdtModelTests {

  @Test
  void valueEqualToThresholdGoesRight() {
    GbdtModel model = GbdtReader.read(json("\"[5E-1]\"", "\"creditScore\",\"currentDpd\"", "0", VERSIONED));
    assertThat(model.margin(row(600, 0))).isEqualTo(-0.3f);
    assertThat(model.margin(row(599.99f, 0))).isEqualTo(0.5f);
    assertThat(model.margin(row(700, 1))).isEqualTo(0.8f);
    assertThat(model.margin(row(700, 0.99f))).isEqualTo(-0.3f);
  }

  @Test
  void missingValueFollowsTheDefaultChild() {
    GbdtModel model = GbdtReader.read(json("\"[5E-1]\"", "\"creditScore\",\"currentDpd\"", "0", VERSIONED));
    assertThat(model.margin(row(Float.NaN, 5))).isEqualTo(0.8f);
    assertThat(model.margin(row(700, Float.NaN))).isEqualTo(-0.3f);
  }

  @Test
  void marginStartsFromLogitOfBaseScoreWrittenEitherWay() {
    GbdtModel scalar = GbdtReader.read(json("\"2.5E-1\"", "\"creditScore\",\"currentDpd\"", "0", VERSIONED));
    GbdtModel vector = GbdtReader.read(json("\"[2.5E-1]\"", "\"creditScore\",\"currentDpd\"", "0", VERSIONED));
    float logit = (float) Math.log(0.25 / 0.75);
    assertThat((double) scalar.margin(row(500, 0))).isCloseTo(logit + 0.5, within(1e-6));
    assertThat(vector.margin(row(500, 0))).isEqualTo(scalar.margin(row(500, 0)));
    assertThat(scalar.probabilityOfDefault(row(500, 0)))
        .isCloseTo(1 / (1 + Math.exp(-(logit + 0.5))), within(1e-6));
  }

  @Test
  void contributionsAreTheShapleyValuesWorkedOutByHand() {
    GbdtModel model = GbdtReader.read(json("\"[5E-1]\"", "\"creditScore\",\"currentDpd\"", "0", VERSIONED));
    double[] phi = model.contributions(row(700, 10));
    assertThat(model.expectedMargin()).isCloseTo(0.185, within(1e-6));
    assertThat(phi[Feature.CREDIT_SCORE.ordinal()]).isCloseTo(-0.045, within(1e-6));
    assertThat(phi[Feature.CURRENT_DPD.ordinal()]).isCloseTo(0.66, within(1e-6));
    assertThat(Arrays.stream(phi).filter(v -> v != 0).count()).isEqualTo(2);
  }

  @Test
  void explainNamesOnlyFeaturesThatRaisedRisk() {
    GbdtModel model = GbdtReader.read(json("\"[5E-1]\"", "\"creditScore\",\"currentDpd\"", "0", VERSIONED));
    List<Factor> factors = model.explain(row(700, 10), 4);
    assertThat(factors).extracting(Factor::feature).containsExactly(Feature.CURRENT_DPD);
    assertThat(factors.get(0).impact()).isCloseTo(0.66, within(1e-6));
  }

  @Test
  void explainRanksPresentFeaturesWorstFirstAndStopsAtMax() throws IOException {
    GbdtModel model = GbdtReader.read(GbdtDifferentialTests.defaultModelJson());
    for (float[] features : new SyntheticPopulation(5L).rows(200)) {
      List<Factor> factors = model.explain(features, 4);
      double[] phi = model.contributions(features);
      double[] raised = java.util.stream.IntStream.range(0, phi.length)
          .filter(f -> phi[f] > 0 && !Float.isNaN(features[f])).mapToObj(f -> phi[f]).sorted((a, b) -> Double.compare(b, a)).limit(4).mapToDouble(Double::doubleValue).toArray();
      assertThat(factors).extracting(Factor::impact).containsExactly(Arrays.stream(raised).boxed().toArray(Double[]::new));
    }
  }

  @Test
  void contributionsSumToMarginMinusExpectedValue() throws IOException {
    GbdtModel model = GbdtReader.read(GbdtDifferentialTests.defaultModelJson());
    for (float[] features : new SyntheticPopulation(9L).rows(1_000)) {
      double sum = Arrays.stream(model.contributions(features)).sum();
      assertThat(sum).isCloseTo(model.margin(features) - model.expectedMargin(), within(1e-5));
    }
  }

  @Test
  void leafThatOverflowsAFloatFailsLoadNamingIt() {
    String overflowing = text("\"5E-1\"", "\"creditScore\",\"currentDpd\"", "0", VERSIONED)
        .replace("\"split_conditions\":[600,0.5,1,-0.3,0.8]", "\"split_conditions\":[600,0.5,1,-0.3,1e39]");
    assertThatThrownBy(() -> GbdtReader.read(overflowing.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tree 0 leaf 4");
  }

  @Test
  void featureTheSchemaLacksFailsLoadNamingIt() {
    assertThatThrownBy(() -> GbdtReader.read(json("\"5E-1\"", "\"creditScore\",\"shoeSize\"", "0", VERSIONED)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("shoeSize");
  }

  @Test
  void modelWithoutFeatureNamesIsRejected() {
    assertThatThrownBy(() -> GbdtReader.read(json("\"5E-1\"", "", "0", VERSIONED)))
        .hasMessageContaining("feature_names");
  }

  @Test
  void categoricalSplitsAreRejected() {
    assertThatThrownBy(() -> GbdtReader.read(json("\"5E-1\"", "\"creditScore\",\"currentDpd\"", "1", VERSIONED)))
        .hasMessageContaining("categorical");
  }

  @Test
  void modelWithoutVersionAttributeIsRejected() {
    assertThatThrownBy(() -> GbdtReader.read(json("\"5E-1\"", "\"creditScore\",\"currentDpd\"", "0", "{}")))
        .hasMessageContaining(GbdtReader.VERSION_ATTRIBUTE);
  }

  @Test
  void objectiveOtherThanBinaryLogisticIsRejected() {
    String regression = text("\"5E-1\"", "\"creditScore\",\"currentDpd\"", "0", VERSIONED)
        .replace("binary:logistic", "reg:squarederror");
    assertThatThrownBy(() -> GbdtReader.read(regression.getBytes(StandardCharsets.UTF_8)))
        .hasMessageContaining("reg:squarederror");
  }

  @Test
  void versionComesFromTheLearnerAttribute() {
    GbdtModel model = GbdtReader.read(json("\"5E-1\"", "\"creditScore\",\"currentDpd\"", "0", VERSIONED));
    assertThat(model.version()).isEqualTo("hand-1");
  }

  private static final String VERSIONED = "{\"creditgate_version\":\"hand-1\"}";

  private static float[] row(float creditScore, float currentDpd) {
    float[] features = FeatureSchema.missingVector();
    features[Feature.CREDIT_SCORE.ordinal()] = creditScore;
    features[Feature.CURRENT_DPD.ordinal()] = currentDpd;
    return features;
  }

  /** The hand-made model; model feature 0 and 1 are the first two {@code names}. */
  private static byte[] json(String baseScore, String names, String rootSplitType, String attributes) {
    return text(baseScore, names, rootSplitType, attributes).getBytes(StandardCharsets.UTF_8);
  }

  private static String text(String baseScore, String names, String rootSplitType, String attributes) {
    return """
        {"learner":{"attributes":%s,"feature_names":[%s],"feature_types":[],
         "gradient_booster":{"name":"gbtree","model":{"gbtree_model_param":{"num_parallel_tree":"1","num_trees":"1"},
          "tree_info":[0],"trees":[{"id":0,"tree_param":{"num_nodes":"5","size_leaf_vector":"1"},
           "left_children":[1,-1,3,-1,-1],"right_children":[2,-1,4,-1,-1],
           "split_indices":[0,0,1,0,0],"split_conditions":[600,0.5,1,-0.3,0.8],
           "default_left":[0,0,1,0,0],"split_type":[%s,0,0,0,0],"sum_hessian":[100,40,60,45,15],
           "base_weights":[0,0.5,0,-0.3,0.8],"categories":[],"categories_nodes":[],
           "categories_segments":[],"categories_sizes":[]}]}},
         "learner_model_param":{"base_score":%s,"num_class":"0","num_feature":"2","num_target":"1"},
         "objective":{"name":"binary:logistic"}},"version":[3,0,4]}
        """.formatted(attributes, names, rootSplitType, baseScore);
  }
}
