package com.creditgate.gateway.limitcheck;

import static org.assertj.core.api.Assertions.assertThat;

import com.creditgate.common.account.AccountProfile;
import com.creditgate.common.account.AccountStatus;
import com.creditgate.common.account.CreditState;
import com.creditgate.common.reason.ReasonCode;
import com.creditgate.gateway.store.AccountRecord;
import com.creditgate.gateway.store.redis.AccountCodec;
import com.creditgate.scoring.decision.CreditEvaluator;
import com.creditgate.scoring.decision.Evaluation;
import com.creditgate.scoring.feature.Feature;
import com.creditgate.scoring.feature.FeatureSchema;
import com.creditgate.scoring.model.CreditModel;
import com.creditgate.scoring.model.ModelReader;
import com.creditgate.scoring.policy.LimitPolicy;
import com.creditgate.scoring.policy.PolicyDocument;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The L1 holds each account as one flat {@link AccountRecord} (BENCHMARKS.md, "L1 entry layout"), and the warm
 * limit-check reads it directly as the profile's and state's figures. Pinned here: what the Redis codec reads
 * into that layout gives back the same profile and state, and the decision and the answer's bytes taken on the
 * flat record are those taken on the profile and state value objects, as the check did before.
 */
class CompactAccountAnswerTests {
  private static final Instant NOW = Instant.parse("2026-12-03T09:30:00.250Z");
  private static final LimitPolicy POLICY = new LimitPolicy(PolicyDocument.defaults());
  private static final List<CreditModel> MODELS =
      List.of(model("/models/scorecard-default.json"), model("/models/gbdt-default.json"));

  @Test
  void recordKeepsEveryValueOfItsProfileAndStateToTheNanosecond() {
    AccountProfile profile = profile(Instant.parse("2019-06-30T23:59:59.999999999Z"));
    CreditState state = new CreditState(900_000, 850_000, 40_000, AccountStatus.FROZEN, "D", false,
        List.of(ReasonCode.ACCOUNT_FROZEN, ReasonCode.PD_ABOVE_CUTOFF), 41);

    AccountRecord record = new AccountRecord("acc-000042", profile, state, vector());

    assertThat(record.profile()).isEqualTo(profile);
    assertThat(record.state()).isEqualTo(state);
    assertThat(record.version()).isEqualTo(41);
    assertThat(record.availableMinor()).isEqualTo(state.availableMinor());
  }

  @Test
  void codecRoundTripGivesTheSameProfileStateAndFeatures() {
    for (AccountRecord original : accounts()) {
      AccountRecord decoded = AccountCodec.decode(AccountCodec.encode(original));

      assertThat(decoded.accountId()).isEqualTo(original.accountId());
      assertThat(decoded.profile()).isEqualTo(original.profile());
      assertThat(decoded.state()).isEqualTo(original.state());
      assertThat(decoded.features()).containsExactly(original.features());
    }
  }

  @Test
  void decisionAndAnswerOnTheFlatRecordAreThoseOnTheValueObjects() {
    for (CreditModel model : MODELS) {
      CreditEvaluator evaluator = new CreditEvaluator(model, POLICY);
      for (AccountRecord record : accounts()) {
        AccountRecord cached = AccountCodec.decode(AccountCodec.encode(record));
        for (long amountMinor : new long[] {100, 150_000, 5_000_000}) {
          LimitCheckRequest request = new LimitCheckRequest(cached.accountId(), amountMinor, null, null, null);

          Evaluation before = evaluator.evaluate(cached.profile(), cached.state(), cached.features(), request, NOW);
          Evaluation flat = evaluator.evaluate(cached, cached, cached.features(), request, NOW);

          assertThat(flat.decision()).isEqualTo(before.decision());
          assertThat(flat.reasons()).isEqualTo(before.reasons());
          assertThat(flat.pd()).isEqualTo(before.pd());
          assertThat(flat.score()).isEqualTo(before.score());
          assertThat(flat.pdCutoff()).isEqualTo(before.pdCutoff());
          assertThat(flat.tier()).isEqualTo(before.tier());
          assertThat(flat.features()).containsExactly(before.features());
          assertThat(answer(cached, flat, true)).isEqualTo(answer(cached, before, false));
        }
      }
    }
  }

  private static String answer(AccountRecord record, Evaluation evaluation, boolean flat) {
    return LimitCheckAnswer.decided("d-1", evaluation.decision(), record.accountId(), 150_000,
        flat ? record : record.state(), evaluation.score(), evaluation.pd(), evaluation.reasons(), Locale.ENGLISH,
        false, evaluation.modelVersion(), evaluation.policyVersion()).toString();
  }

  /** Active, frozen and closed accounts; openings a fraction of a second either side of a day boundary. */
  private static List<AccountRecord> accounts() {
    return List.of(
        new AccountRecord("acc-000001", profile(Instant.parse("2024-12-03T09:30:00Z")),
            new CreditState(2_000_000, 300_000, 10_000, AccountStatus.ACTIVE, "B", true, List.of(), 7), vector()),
        new AccountRecord("acc-000002", profile(Instant.parse("2024-12-03T09:30:01Z")),
            new CreditState(500_000, 480_000, 15_000, AccountStatus.ACTIVE, "C", true, List.of(), 3), vector()),
        new AccountRecord("acc-000003", profile(Instant.parse("2026-11-30T00:00:00Z")),
            new CreditState(900_000, 850_000, 40_000, AccountStatus.FROZEN, "D", false,
                List.of(ReasonCode.ACCOUNT_FROZEN), 41), vector()),
        new AccountRecord("acc-000004", profile(Instant.parse("2010-01-01T00:00:00Z")),
            new CreditState(0, 0, 0, AccountStatus.CLOSED, "E", false,
                List.of(ReasonCode.ACCOUNT_CLOSED, ReasonCode.PD_ABOVE_CUTOFF), 9), vector()));
  }

  private static AccountProfile profile(Instant opened) {
    return new AccountProfile("310000", "ENGINEER", 1_200_000, 688, "MASS", 5_000_000, opened);
  }

  private static float[] vector() {
    float[] features = FeatureSchema.missingVector();
    features[Feature.ONTIME_REPAYMENTS_12M.ordinal()] = 11;
    features[Feature.ONTIME_RATIO_12M.ordinal()] = 0.92f;
    features[Feature.MONTHLY_SPEND.ordinal()] = 2_345.67f;
    features[Feature.INQUIRIES_30D.ordinal()] = 2;
    return features;
  }

  private static CreditModel model(String resource) {
    try (InputStream in = CompactAccountAnswerTests.class.getResourceAsStream(resource)) {
      return ModelReader.read(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
