package com.creditgate.scoring.decision;

import static org.assertj.core.api.Assertions.assertThat;

import com.creditgate.common.account.AccountProfile;
import com.creditgate.common.account.AccountStatus;
import com.creditgate.common.account.CreditState;
import com.creditgate.common.reason.ReasonCode;
import com.creditgate.scoring.feature.Feature;
import com.creditgate.scoring.feature.FeatureSchema;
import com.creditgate.scoring.model.CreditModel;
import com.creditgate.scoring.model.Factor;
import com.creditgate.scoring.model.ModelReader;
import com.creditgate.scoring.model.ScoreScale;
import com.creditgate.scoring.policy.LimitPolicy;
import com.creditgate.scoring.policy.PolicyDocument;
import com.creditgate.scoring.policy.PolicyDocumentReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CreditEvaluatorTests {
  private static final Instant NOW = Instant.parse("2026-11-22T00:00:00Z");
  private static final AccountProfile PROFILE = new AccountProfile("310000", "ENGINEER", 2_000_000, 720, "MASS",
      10_000_000, Instant.parse("2024-01-01T00:00:00Z"));
  private static final CreditState ACTIVE =
      new CreditState(5_000_000, 1_000_000, 0, AccountStatus.ACTIVE, "B", true, List.of(), 3);
  private static final LimitPolicy POLICY = new LimitPolicy(PolicyDocument.defaults());

  @Test
  void usableAccountWithRoomIsApprovedWithTheChampionsScoreAndVersions() {
    CreditModel champion = shippedScorecard();

    Evaluation evaluation = new CreditEvaluator(champion, POLICY).evaluate(PROFILE, ACTIVE, healthyFeatures(),
        new Check(100_000, null, null), NOW);

    assertThat(evaluation.decision()).isEqualTo(Decision.APPROVE);
    assertThat(evaluation.scored()).isTrue();
    assertThat(evaluation.pd()).isEqualTo(champion.probabilityOfDefault(evaluation.features()));
    assertThat(evaluation.score()).isEqualTo(ScoreScale.scoreOf(evaluation.pd()));
    assertThat(evaluation.tier()).isEqualTo("B");
    assertThat(evaluation.modelVersion()).isEqualTo(champion.version());
    assertThat(evaluation.policyVersion()).isEqualTo(PolicyDocument.defaults().version());
    assertThat(evaluation.pdCutoff()).isEqualTo(POLICY.pdCutoff("MASS", NOW));
    assertThat(evaluation.reasons()).hasSizeLessThanOrEqualTo(CreditEvaluator.REASONS_MAX)
        .doesNotContain(ReasonCode.PD_ABOVE_CUTOFF, ReasonCode.INSUFFICIENT_AVAILABLE_CREDIT);
  }

  @Test
  void derivedFeaturesGoIntoACopyOfTheStoredVector() {
    float[] stored = healthyFeatures();
    float[] before = stored.clone();

    Evaluation evaluation = new CreditEvaluator(new FixedModel(0.01, List.of()), POLICY).evaluate(PROFILE, ACTIVE,
        stored, new Check(100_000, null, null), NOW);

    assertThat(stored).containsExactly(before);
    assertThat(evaluation.features()).isNotSameAs(stored);
    assertThat(evaluation.features()[Feature.CREDIT_SCORE.ordinal()]).isEqualTo(720f);
    assertThat(evaluation.features()[Feature.UTILIZATION.ordinal()]).isEqualTo(0.2f);
  }

  @Test
  void nonFinitePdDeclinesWithoutAScore() {
    Evaluation evaluation = new CreditEvaluator(new FixedModel(Double.NaN, List.of()), POLICY).evaluate(PROFILE,
        ACTIVE, healthyFeatures(), new Check(100_000, null, null), NOW);

    assertThat(evaluation.decision()).isEqualTo(Decision.DECLINE);
    assertThat(evaluation.reasons()).containsExactly(ReasonCode.RISK_SCORE_UNAVAILABLE);
    assertThat(evaluation.scored()).isFalse();
    assertThat(evaluation.score()).isEqualTo(Evaluation.NO_SCORE);
  }

  @Test
  void merchantCategoryTheSegmentBlocksIsDeclined() {
    LimitPolicy blocking = new LimitPolicy(policyBlocking("\"blockedMerchantCategories\": {}",
        "\"blockedMerchantCategories\": {\"*\": [\"GAMBLING\"]}"));
    CreditEvaluator evaluator = new CreditEvaluator(new FixedModel(0.01, List.of()), blocking);

    assertThat(evaluator.evaluate(PROFILE, ACTIVE, healthyFeatures(), new Check(100_000, "GAMBLING", null), NOW)
        .reasons()).containsExactly(ReasonCode.MERCHANT_CATEGORY_BLOCKED);
    assertThat(evaluator.evaluate(PROFILE, ACTIVE, healthyFeatures(), new Check(100_000, "GROCERY", null), NOW)
        .decision()).isEqualTo(Decision.APPROVE);
  }

  @Test
  void channelTheSegmentBlocksIsDeclined() {
    LimitPolicy blocking = new LimitPolicy(policyBlocking("\"blockedChannels\": {}",
        "\"blockedChannels\": {\"*\": [\"LIVESTREAM\"]}"));
    CreditEvaluator evaluator = new CreditEvaluator(new FixedModel(0.01, List.of()), blocking);

    assertThat(evaluator.evaluate(PROFILE, ACTIVE, healthyFeatures(), new Check(100_000, null, "LIVESTREAM"), NOW)
        .reasons()).containsExactly(ReasonCode.CHANNEL_BLOCKED);
  }

  @Test
  void declineReasonsComeFirstThenTheModelsFactorsAtMostFour() {
    CreditState frozen = new CreditState(5_000_000, 0, 0, AccountStatus.FROZEN, "D", false,
        List.of(ReasonCode.ACCOUNT_FROZEN), 3);
    List<Factor> factors = List.of(new Factor(Feature.CURRENT_DPD, -40), new Factor(Feature.INQUIRIES_30D, -20),
        new Factor(Feature.EXTENSIONS_12M, -10));

    Evaluation evaluation = new CreditEvaluator(new FixedModel(0.4, factors), POLICY).evaluate(PROFILE, frozen,
        healthyFeatures(), new Check(9_000_000, null, null), NOW);

    assertThat(evaluation.decision()).isEqualTo(Decision.DECLINE);
    assertThat(evaluation.reasons()).containsExactly(ReasonCode.ACCOUNT_FROZEN, ReasonCode.PD_ABOVE_CUTOFF,
        ReasonCode.INSUFFICIENT_AVAILABLE_CREDIT, Feature.CURRENT_DPD.reason());
  }

  /** A checkout as the gateway's parsed request gives it. */
  private record Check(long amountMinor, String merchantCategory, String channel) implements Checkout {}

  /** A model whose PD and explanation are fixed, to pin the evaluator's own logic. */
  private record FixedModel(double pd, List<Factor> factors) implements CreditModel {
    @Override
    public String version() {
      return "fixed-1";
    }

    @Override
    public double probabilityOfDefault(float[] features) {
      return pd;
    }

    @Override
    public List<Factor> explain(float[] features, int max) {
      return factors.subList(0, Math.min(max, factors.size()));
    }
  }

  private static float[] healthyFeatures() {
    float[] features = FeatureSchema.missingVector();
    features[Feature.ONTIME_REPAYMENTS_12M.ordinal()] = 6;
    features[Feature.ONTIME_RATIO_12M.ordinal()] = 1;
    features[Feature.CURRENT_DPD.ordinal()] = 0;
    features[Feature.MAX_DPD_12M.ordinal()] = 0;
    features[Feature.OVERDUE_COUNT_12M.ordinal()] = 0;
    features[Feature.INQUIRIES_30D.ordinal()] = 0;
    return features;
  }

  private static CreditModel shippedScorecard() {
    try (InputStream in = CreditEvaluatorTests.class.getResourceAsStream("/models/scorecard-default.json")) {
      return ModelReader.read(in.readAllBytes());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The shipped default policy with {@code empty} (a blocked list of the document) replaced by {@code blocked}. */
  private static PolicyDocument policyBlocking(String empty, String blocked) {
    try (InputStream in = CreditEvaluatorTests.class.getResourceAsStream("/policies/policy-default.json")) {
      String json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      assertThat(json).contains(empty);
      json = json.replace(empty, blocked);
      return PolicyDocumentReader.read(json.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
