package com.creditgate.scoring.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.creditgate.common.reason.ReasonCode;
import org.junit.jupiter.api.Test;

class PolicyDocumentReaderTests {

  @Test
  void defaultsCapOneCustomerAt200000Cny() {
    assertThat(PolicyDocument.defaults().customerCapMinor()).isEqualTo(20_000_000L);
    assertThat(PolicyDocument.defaults().version()).isEqualTo("policy-default-1");
  }

  @Test
  void partialDocumentMergesOverTheDefaults() {
    PolicyDocument document = PolicyDocumentReader.read(
        "{\"version\":\"p-2\",\"churn\":{\"penaltyBps\":2500}}".getBytes());
    assertThat(document.version()).isEqualTo("p-2");
    assertThat(document.churn().penaltyBps()).isEqualTo(2500);
    assertThat(document.churn().minQuickCycles30d()).isEqualTo(PolicyDocument.defaults().churn().minQuickCycles30d());
    assertThat(document.tiers()).isEqualTo(PolicyDocument.defaults().tiers());
  }

  @Test
  void unknownKeyIsRejectedByName() {
    assertThatThrownBy(() -> PolicyDocumentReader.read("{\"custmerCapMinor\":1}".getBytes()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("custmerCapMinor");
  }

  @Test
  void invalidValueIsRejectedWithItsRule() {
    assertThatThrownBy(() -> PolicyDocumentReader.read("{\"pdCutoff\":1.5}".getBytes()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("pdCutoff");
  }

  @Test
  void overlayInstantsMustBeRfc3339() {
    assertThatThrownBy(() -> PolicyDocumentReader.read(
        "{\"overlays\":[{\"id\":\"x\",\"kind\":\"PROMOTION\",\"from\":\"yesterday\"}]}".getBytes()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("yesterday");
  }

  @Test
  void writtenDocumentReadsBackEqual() {
    PolicyDocument document = PolicyDocumentReader.read("""
        {"overlays":[{"id":"double-11","kind":"PROMOTION","pdCutoff":0.3,
          "from":"2026-11-10T00:00:00Z","until":"2026-11-12T00:00:00Z"}]}""".getBytes());
    assertThat(PolicyDocumentReader.read(PolicyDocumentReader.write(document))).isEqualTo(document);
  }

  @Test
  void blockedChannelsDeclinePerSegmentAndForEverySegment() {
    PolicyDocument document = PolicyDocumentReader.read(
        "{\"blockedChannels\":{\"STUDENT\":[\"MINI_PROGRAM\"],\"*\":[\"H5\"]}}".getBytes());
    assertThat(document.checkBlocks("STUDENT", null, "MINI_PROGRAM")).containsExactly(ReasonCode.CHANNEL_BLOCKED);
    assertThat(document.checkBlocks("MASS", null, "MINI_PROGRAM")).isEmpty();
    assertThat(document.checkBlocks("MASS", "GROCERY", "H5")).containsExactly(ReasonCode.CHANNEL_BLOCKED);
    assertThat(document.checkBlocks("MASS", null, "h5")).as("exact match").isEmpty();
    assertThat(document.checkBlocks("STUDENT", null, null)).isEmpty();
  }

  @Test
  void defaultsBlockNoCheckoutContext() {
    assertThat(PolicyDocument.defaults().checkBlocks("MASS", "GAMBLING", "APP")).isEmpty();
  }
}
