package com.creditgate.scoring.feature;

import static org.assertj.core.api.Assertions.assertThat;

import com.creditgate.common.account.AccountProfile;
import com.creditgate.common.account.AccountStatus;
import com.creditgate.common.account.CreditState;
import com.creditgate.common.account.ProfileFacts;
import com.creditgate.scoring.testing.Generator;
import com.creditgate.scoring.testing.Generators;
import com.creditgate.scoring.testing.Property;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The account age feature comes from the opening's epoch second and nano ({@link ProfileFacts}) instead of an
 * {@code Instant}, so that a compact cached account needs no object per check: the days must be exactly what
 * {@code Duration.between(openedAt, now).toDays()} gave, fractions of a second and openings in the future
 * included.
 */
class FeatureAssemblerPropertyTests {
  private static final CreditState STATE =
      new CreditState(5_000_000, 1_000_000, 0, AccountStatus.ACTIVE, "B", true, List.of(), 1);
  private static final long NOW_SECOND = Instant.parse("2026-12-03T00:00:00Z").getEpochSecond();

  @Test
  void accountAgeIsTheWholeDaysOfTheDurationSinceOpening() {
    Property.forAll(2_000, openingAndNow(), pair -> {
      Instant opened = pair.get(0);
      Instant now = pair.get(1);
      AccountProfile profile = new AccountProfile("310000", "ENGINEER", 0, 700, "MASS", 0, opened);

      float[] features = FeatureAssembler.assemble(FeatureSchema.missingVector(), profile, STATE, now);

      assertThat(features[Feature.ACCOUNT_AGE_DAYS.ordinal()])
          .isEqualTo((float) Math.max(0, Duration.between(opened, now).toDays()));
    });
  }

  /**
   * An opening up to 40 years before {@code now} or a day after it, {@code now} a whole number of days later
   * give or take a second, both with any nano: the cases where borrowing a second changes the day.
   */
  private static Generator<List<Instant>> openingAndNow() {
    Generator<Long> days = Generators.longs(-1, 40 * 366);
    Generator<Long> jitterSeconds = Generators.longs(-1, 1);
    Generator<Integer> nanos = Generators.ints(0, 999_999_999);
    return random -> {
      Instant now = Instant.ofEpochSecond(NOW_SECOND + jitterSeconds.next(random), nanos.next(random));
      Instant opened = Instant.ofEpochSecond(NOW_SECOND - days.next(random) * 86_400 + jitterSeconds.next(random),
          nanos.next(random));
      return List.of(opened, now);
    };
  }
}
