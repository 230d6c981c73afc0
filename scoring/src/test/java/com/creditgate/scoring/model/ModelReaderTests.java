package com.creditgate.scoring.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.creditgate.scoring.model.gbdt.GbdtModel;
import com.creditgate.scoring.model.scorecard.Scorecard;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ModelReaderTests {

  @Test
  void xgboostJsonLoadsAsTrees() throws IOException {
    CreditModel model = ModelReader.read(resource("/models/gbdt-default.json"));
    assertThat(model).isInstanceOf(GbdtModel.class);
    assertThat(model.version()).isEqualTo("gbdt-2026.11.1");
  }

  @Test
  void scorecardJsonLoadsAsScorecard() throws IOException {
    assertThat(ModelReader.read(resource("/models/scorecard-default.json"))).isInstanceOf(Scorecard.class);
  }

  @Test
  void unknownDocumentIsRejectedSayingWhatWasExpected() {
    assertThatThrownBy(() -> ModelReader.read("{\"trees\":[]}".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("learner");
  }

  private static byte[] resource(String path) throws IOException {
    try (InputStream in = ModelReaderTests.class.getResourceAsStream(path)) {
      return in.readAllBytes();
    }
  }
}
