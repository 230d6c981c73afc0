package com.creditgate.scoring.feature;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The versioned feature schema: names to indexes, and fresh vectors. Thread-safe (immutable). */
public final class FeatureSchema {
  /** Version of the schema that {@link Feature} describes; stored with every persisted vector. */
  public static final int VERSION = 1;
  /** Number of features in a vector. */
  public static final int SIZE = Feature.values().length;

  private static final Map<String, Feature> BY_NAME = new HashMap<>();

  static {
    for (Feature feature : Feature.values()) {
      BY_NAME.put(feature.jsonName(), feature);
      BY_NAME.put(feature.name(), feature);
    }
  }

  private FeatureSchema() {}

  /** The feature named {@code name} (camelCase JSON name or enum constant name). */
  public static Optional<Feature> byName(String name) {
    return Optional.ofNullable(BY_NAME.get(name));
  }

  /** A new vector with every feature missing ({@code NaN}). */
  public static float[] missingVector() {
    float[] vector = new float[SIZE];
    Arrays.fill(vector, Float.NaN);
    return vector;
  }
}
