package com.creditgate.scoring.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.creditgate.scoring.feature.Feature;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelProbeTests {

  @Test
  void shippedModelsAreSound() throws IOException {
    for (String resource : List.of("/models/scorecard-default.json", "/models/gbdt-default.json")) {
      try (InputStream in = ModelProbeTests.class.getResourceAsStream(resource)) {
        CreditModel model = ModelReader.read(in.readAllBytes());
        assertThatCode(() -> ModelProbe.requireSound(model)).doesNotThrowAnyException();
      }
    }
  }

  @Test
  void modelAnsweringNanForSomeAccountsIsRefusedNamingTheProbe() {
    CreditModel nanWhenOverdue = new FixedModel(features ->
        features[Feature.CURRENT_DPD.ordinal()] > 100 ? Double.NaN : 0.02);
    assertThatThrownBy(() -> ModelProbe.requireSound(nanWhenOverdue))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PD NaN").hasMessageContaining("currentDpd");
  }

  @Test
  void modelAnsweringOutsideZeroToOneIsRefused() {
    assertThatThrownBy(() -> ModelProbe.requireSound(new FixedModel(features -> 1.5)))
        .hasMessageContaining("PD 1.5").hasMessageContaining("every feature missing");
  }

  @Test
  void probesAreTheSameEverywhere() {
    assertThat(ModelProbe.probes()).hasSize(ModelProbe.RANDOM_PROBES + 2);
    assertThat(ModelProbe.probes().get(5)).containsExactly(ModelProbe.probes().get(5));
  }

  private record FixedModel(java.util.function.ToDoubleFunction<float[]> pd) implements CreditModel {
    @Override
    public String version() {
      return "probe-test";
    }

    @Override
    public double probabilityOfDefault(float[] features) {
      return pd.applyAsDouble(features);
    }

    @Override
    public List<Factor> explain(float[] features, int max) {
      return List.of();
    }
  }
}
