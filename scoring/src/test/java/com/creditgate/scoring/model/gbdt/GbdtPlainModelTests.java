package com.creditgate.scoring.model.gbdt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A plain XGBoost model (trained on a numpy array) named by the upload (issue #13). */
class GbdtPlainModelTests {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Test
  void plainModelNamedByTheUploadPredictsLikeTheNamedOne() throws IOException {
    byte[] named = GbdtDifferentialTests.defaultModelJson();
    GbdtModel reference = GbdtReader.read(named);
    GbdtModel plain = GbdtReader.read(GbdtReader.withFeatureNames(plain(named), names(named), "plain-1"));
    assertThat(plain.version()).isEqualTo("plain-1");
    for (float[] row : new SyntheticPopulation(3L).rows(200)) {
      assertThat(plain.probabilityOfDefault(row)).isEqualTo(reference.probabilityOfDefault(row));
    }
  }

  @Test
  void plainModelWithoutNamesIsRefused() throws IOException {
    assertThatThrownBy(() -> GbdtReader.read(plain(GbdtDifferentialTests.defaultModelJson())))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("feature_names");
  }

  @Test
  void namesOutsideTheSchemaOrOfTheWrongCountAreRefused() throws IOException {
    byte[] named = GbdtDifferentialTests.defaultModelJson();
    List<String> names = new ArrayList<>(names(named));
    names.set(3, "shoeSize");
    assertThatThrownBy(() -> GbdtReader.read(GbdtReader.withFeatureNames(plain(named), names, "p")))
        .hasMessageContaining("shoeSize");
    assertThatThrownBy(() -> GbdtReader.read(GbdtReader.withFeatureNames(plain(named), names.subList(0, 5), "p")))
        .hasMessageContaining("features but names");
  }

  @Test
  void namesThatContradictTheModelsOwnAreRefused() throws IOException {
    byte[] named = GbdtDifferentialTests.defaultModelJson();
    List<String> reversed = new ArrayList<>(names(named));
    java.util.Collections.reverse(reversed);
    assertThatThrownBy(() -> GbdtReader.withFeatureNames(named, reversed, "p"))
        .hasMessageContaining("differ from the featureNames");
  }

  private static List<String> names(byte[] json) throws IOException {
    List<String> names = new ArrayList<>();
    MAPPER.readTree(json).path("learner").path("feature_names").forEach(name -> names.add(name.asText()));
    return names;
  }

  private static byte[] plain(byte[] json) throws IOException {
    JsonNode root = MAPPER.readTree(json);
    ObjectNode learner = (ObjectNode) root.get("learner");
    learner.remove(List.of("feature_names", "feature_types", "attributes"));
    return MAPPER.writeValueAsBytes(root);
  }
}
