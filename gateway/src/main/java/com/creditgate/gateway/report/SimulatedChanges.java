package com.creditgate.gateway.report;

import com.creditgate.common.account.AccountProfile;
import com.creditgate.gateway.error.GatewayException;
import com.creditgate.gateway.http.JsonBody;
import com.creditgate.gateway.http.Validation;
import com.creditgate.scoring.feature.Feature;
import com.creditgate.scoring.feature.FeatureSchema;
import io.vertx.core.json.JsonObject;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * The validated {@code changes} of a simulate request. Profile fields ({@code region}, {@code occupation},
 * {@code segment}, {@code monthlyIncome} and {@code assets} in minor units, {@code creditScore}) change the
 * profile, with the same rules as {@code PUT /v1/accounts/{id}}; any other name must be a feature's
 * {@code jsonName} (SPEC 2.2) and overrides that feature after assembly. Immutable.
 */
final class SimulatedChanges {
  static final int CHANGES_MAX = 32;
  static final double FEATURE_MAX = 1e9;
  private static final long MONEY_MAX_MINOR = 10_000_000_000_000L;
  private static final Set<String> PROFILE_FIELDS =
      Set.of("region", "occupation", "segment", "monthlyIncome", "assets", "creditScore");

  private final JsonObject profileChanges;
  private final Map<Feature, Float> featureChanges;

  private SimulatedChanges(JsonObject profileChanges, Map<Feature, Float> featureChanges) {
    this.profileChanges = profileChanges;
    this.featureChanges = featureChanges;
  }

  static SimulatedChanges parse(JsonBody body) {
    JsonObject changes = body.optionalObject("changes")
        .orElseThrow(() -> JsonBody.invalid("changes", "is required"));
    if (changes.size() > CHANGES_MAX) {
      throw JsonBody.invalid("changes", "may hold at most " + CHANGES_MAX + " entries");
    }
    JsonObject profile = new JsonObject();
    Map<Feature, Float> features = new EnumMap<>(Feature.class);
    for (String name : changes.fieldNames()) {
      Object value = changes.getValue(name);
      if (PROFILE_FIELDS.contains(name)) {
        profile.put(name, value);
      } else {
        Feature feature = FeatureSchema.byName(name).filter(f -> f.jsonName().equals(name))
            .orElseThrow(() -> invalid(name, "is not a feature or profile field"));
        features.put(feature, featureValue(name, value));
      }
    }
    return new SimulatedChanges(profile, features);
  }

  /** {@code current} with the profile changes applied and validated. */
  AccountProfile applyTo(AccountProfile current) {
    JsonBody changes = JsonBody.of(profileChanges.toBuffer());
    try {
      return new AccountProfile(
          changes.optionalString("region", Validation.REGION).orElse(current.region()),
          changes.optionalString("occupation", Validation.CODE).orElse(current.occupation()),
          changes.optionalLong("monthlyIncome", 0, MONEY_MAX_MINOR).orElse(current.monthlyIncomeMinor()),
          changes.optionalLong("creditScore", AccountProfile.MIN_CREDIT_SCORE, AccountProfile.MAX_CREDIT_SCORE)
              .map(Long::intValue).orElse(current.creditScore()),
          changes.optionalString("segment", Validation.CODE).orElse(current.segment()),
          changes.optionalLong("assets", 0, MONEY_MAX_MINOR).orElse(current.assetsMinor()),
          current.accountOpenedAt());
    } catch (GatewayException.InvalidRequest e) {
      throw new GatewayException.InvalidRequest("/changes" + e.field(), e.getMessage());
    }
  }

  /** Writes the feature changes into {@code features} (an assembled vector the caller owns). */
  void applyTo(float[] features) {
    featureChanges.forEach((feature, value) -> features[feature.ordinal()] = value);
  }

  private static float featureValue(String name, Object value) {
    if (!(value instanceof Number number)) {
      throw invalid(name, "must be a number");
    }
    double d = number.doubleValue();
    if (!(d >= 0 && d <= FEATURE_MAX)) {
      throw invalid(name, "must be between 0 and " + (long) FEATURE_MAX);
    }
    return (float) d;
  }

  private static GatewayException.InvalidRequest invalid(String name, String why) {
    return new GatewayException.InvalidRequest("/changes/" + name, "changes." + name + " " + why);
  }
}
