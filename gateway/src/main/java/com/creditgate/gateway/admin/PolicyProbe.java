package com.creditgate.gateway.admin;

import com.creditgate.common.account.AccountProfile;
import com.creditgate.common.account.AccountStatus;
import com.creditgate.common.account.CreditState;
import com.creditgate.common.reason.ReasonCode;
import com.creditgate.gateway.error.GatewayException;
import com.creditgate.scoring.feature.FeatureSchema;
import com.creditgate.scoring.policy.LimitPolicy;
import com.creditgate.scoring.policy.PolicyDocument;
import com.creditgate.scoring.policy.ReviewInput;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reviews probe accounts at the edges of what the API accepts under a policy document before it is published,
 * so that a document whose factors overflow {@code long} money arithmetic (or break another invariant) is a 400
 * at publish time instead of a 500 on every later review, report and CLOSED-line limit-check. Stateless.
 */
final class PolicyProbe {
  /** The largest money any profile field can carry ({@code ProfileRequest}); limits derive from it. */
  static final long MONEY_MAX_MINOR = 10_000_000_000_000L;
  private static final long[] MONEY = {0, MONEY_MAX_MINOR};
  private static final double[] PDS = {0, 0.5, 1};
  private static final long[] EXPOSURES = {ReviewInput.UNKNOWN_EXPOSURE, 0, 100 * MONEY_MAX_MINOR};
  private static final Instant OPENED = Instant.parse("2000-01-01T00:00:00Z");
  private static final float HEAVY_FEATURE = 1_000_000f;

  private PolicyProbe() {}

  /** Throws {@link GatewayException.InvalidRequest} when a review of a probe account fails under {@code document}. */
  static void requireReviewable(PolicyDocument document, Instant now) {
    LimitPolicy policy = new LimitPolicy(document);
    for (Instant at : instants(document, now)) {
      for (String segment : segments(document)) {
        for (ReviewInput input : inputs(document, segment, at)) {
          try {
            policy.review(input);
          } catch (RuntimeException e) {
            throw new GatewayException.InvalidRequest(null, "policy document " + document.version()
                + " fails a review of a probe account (segment " + segment + ", income "
                + input.profile().monthlyIncomeMinor() + ", limit " + input.state().creditLimitMinor() + ", pd "
                + input.pd() + ", at " + at + "): " + e);
          }
        }
      }
    }
  }

  private static List<ReviewInput> inputs(PolicyDocument document, String segment, Instant at) {
    List<ReviewInput> inputs = new ArrayList<>();
    String occupation = document.occupationCapsMinor().keySet().stream().findFirst().orElse("OTHER");
    String region = document.regionCapsMinor().keySet().stream().findFirst().orElse("000000");
    for (long money : MONEY) {
      AccountProfile profile = new AccountProfile(region, occupation, money, AccountProfile.MAX_CREDIT_SCORE, segment,
          money, OPENED);
      for (AccountStatus status : AccountStatus.values()) {
        CreditState state = new CreditState(money, money, 0, status, document.tiers().get(0).name(),
            status == AccountStatus.ACTIVE, status == AccountStatus.ACTIVE ? List.of()
            : List.of(ReasonCode.CURRENTLY_OVERDUE), 1);
        for (float[] features : featureVectors()) {
          for (double pd : PDS) {
            for (long exposure : EXPOSURES) {
              inputs.add(new ReviewInput(profile, state, features, pd, AccountProfile.MIN_CREDIT_SCORE, exposure, at));
            }
          }
        }
      }
    }
    return inputs;
  }

  private static List<float[]> featureVectors() {
    float[] missing = new float[FeatureSchema.SIZE];
    Arrays.fill(missing, Float.NaN);
    float[] heavy = new float[FeatureSchema.SIZE];
    Arrays.fill(heavy, HEAVY_FEATURE);
    return List.of(new float[FeatureSchema.SIZE], missing, heavy);
  }

  private static Set<String> segments(PolicyDocument document) {
    Set<String> segments = new LinkedHashSet<>(document.segmentBudgetsMinor().keySet());
    document.overlays().forEach(overlay -> segments.add(overlay.segment()));
    segments.add("MASS");
    return segments;
  }

  /** {@code now}, and the first and last instant of every overlay window, when overlays are in force. */
  private static Set<Instant> instants(PolicyDocument document, Instant now) {
    Set<Instant> instants = new LinkedHashSet<>(List.of(now));
    for (PolicyDocument.Overlay overlay : document.overlays()) {
      if (overlay.from() != null) {
        instants.add(overlay.from());
      }
      if (overlay.until() != null) {
        instants.add(overlay.until().minusSeconds(1));
      }
    }
    return instants;
  }
}
