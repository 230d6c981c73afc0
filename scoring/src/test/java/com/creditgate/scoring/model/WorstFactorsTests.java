package com.creditgate.scoring.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.creditgate.scoring.feature.Feature;
import com.creditgate.scoring.feature.FeatureSchema;
import com.creditgate.scoring.testing.Generator;
import com.creditgate.scoring.testing.Property;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorstFactorsTests {
  /** Candidates (feature, impact) drawn with many ties: impacts from a handful of values. */
  private static final Generator<List<Factor>> CANDIDATES = random -> {
    int count = random.nextInt(FeatureSchema.SIZE + 1);
    List<Factor> candidates = new ArrayList<>(count);
    boolean coarse = random.nextBoolean();
    for (int i = 0; i < count; i++) {
      double impact = coarse ? random.nextInt(4) * 0.5 + 0.25 : random.nextDouble() * 40;
      candidates.add(new Factor(Feature.at(random.nextInt(FeatureSchema.SIZE)), impact));
    }
    return candidates;
  };

  @Test
  void keepsWhatAStableSortByImpactDescendingKeeps() {
    Property.forAll(5_000, CANDIDATES, candidates -> {
      for (int max = 0; max <= 6; max++) {
        WorstFactors worst = new WorstFactors(max);
        candidates.forEach(factor -> worst.offer(factor.feature().ordinal(), factor.impact()));
        List<Factor> sorted = new ArrayList<>(candidates);
        sorted.sort(Comparator.comparingDouble(Factor::impact).reversed());
        assertThat(worst.factors()).as("max %s", max).isEqualTo(sorted.subList(0, Math.min(max, sorted.size())));
      }
    });
  }

  @Test
  void anEqualImpactOfferedLaterStaysBehind() {
    WorstFactors worst = new WorstFactors(2);
    worst.offer(3, 1.0);
    worst.offer(5, 1.0);
    worst.offer(7, 1.0);
    assertThat(worst.factors()).extracting(factor -> factor.feature().ordinal()).containsExactly(3, 5);
  }
}
