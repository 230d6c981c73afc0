package com.creditgate.scoring.model.gbdt;

import static org.assertj.core.api.Assertions.assertThat;

import com.creditgate.scoring.feature.FeatureSchema;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link CompleteTrees} against a plain node-by-node walk of the {@link Forest}, bit for bit, on rows made
 * of the shipped model's own thresholds, their float neighbours, signed zeros, infinities and missing values.
 */
class CompleteTreesTests {

  @Test
  void leafSumIsTheForestWalkBitForBit() throws IOException {
    Forest forest = shippedModel().forest();
    CompleteTrees complete = new CompleteTrees(forest);
    List<List<Float>> thresholds = thresholdsByFeature(forest);
    Random random = new Random(11L);
    for (int i = 0; i < 20_000; i++) {
      float[] row = row(random, thresholds);
      assertThat(Float.floatToRawIntBits(complete.leafSum(row, 0.25f)))
          .as("row %s", i).isEqualTo(Float.floatToRawIntBits(walk(forest, row, 0.25f)));
    }
  }

  @Test
  void keyOrdersAsFloatCompareDoes() {
    float[] values = {Float.NEGATIVE_INFINITY, -Float.MAX_VALUE, -1, -Float.MIN_VALUE, -0.0f, 0.0f,
        Float.MIN_VALUE, Float.MIN_NORMAL, 1, Float.MAX_VALUE, Float.POSITIVE_INFINITY};
    for (float x : values) {
      for (float t : values) {
        assertThat(CompleteTrees.key(x) >= CompleteTrees.key(t)).as("%s >= %s", x, t).isEqualTo(x >= t);
      }
      assertThat(CompleteTrees.key(Float.NaN)).isLessThan(CompleteTrees.key(x));
    }
  }

  private static float walk(Forest forest, float[] row, float initial) {
    float sum = initial;
    for (int root : forest.roots) {
      int node = root;
      while (forest.split[node] >= 0) {
        float x = row[forest.split[node]];
        int left = forest.left[node];
        node = Float.isNaN(x) ? forest.missing[node] : x < forest.value[node] ? left : left + 1;
      }
      sum += forest.value[node];
    }
    return sum;
  }

  private static float[] row(Random random, List<List<Float>> thresholds) {
    float[] row = new float[FeatureSchema.SIZE];
    for (int f = 0; f < row.length; f++) {
      List<Float> own = thresholds.get(f);
      float threshold = own.isEmpty() ? 1 : own.get(random.nextInt(own.size()));
      row[f] = switch (random.nextInt(8)) {
        case 0 -> Float.NaN;
        case 1 -> random.nextBoolean() ? 0.0f : -0.0f;
        case 2 -> random.nextBoolean() ? Float.POSITIVE_INFINITY : Float.NEGATIVE_INFINITY;
        case 3 -> Math.nextDown(threshold);
        case 4 -> Math.nextUp(threshold);
        case 5 -> -threshold;
        default -> threshold;
      };
    }
    return row;
  }

  private static List<List<Float>> thresholdsByFeature(Forest forest) {
    List<List<Float>> byFeature = new ArrayList<>();
    for (int f = 0; f < FeatureSchema.SIZE; f++) {
      byFeature.add(new ArrayList<>());
    }
    for (int node = 0; node < forest.split.length; node++) {
      if (forest.split[node] >= 0) {
        byFeature.get(forest.split[node]).add(forest.value[node]);
      }
    }
    return byFeature;
  }

  private static GbdtModel shippedModel() throws IOException {
    try (InputStream in = CompleteTreesTests.class.getResourceAsStream("/models/gbdt-default.json")) {
      return GbdtReader.read(in.readAllBytes());
    }
  }
}
