package com.creditgate.scoring.model.scorecard;

import com.creditgate.scoring.feature.Feature;
import com.creditgate.scoring.feature.FeatureSchema;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a scorecard JSON document:
 * <pre>{"format":"scorecard","version":"...","basePoints":600,
 *  "characteristics":[{"feature":"creditScore","missingPoints":0,
 *     "bins":[{"upperBound":550,"points":-40},{"upperBound":"Infinity","points":35}]}]}</pre>
 * Fails with a clear message when the schema lacks a feature the scorecard reads.
 */
public final class ScorecardReader {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private ScorecardReader() {}

  /** Parses and compiles {@code json}. */
  public static Scorecard read(byte[] json) {
    try {
      return compile(MAPPER.readTree(json));
    } catch (IOException e) {
      throw new UncheckedIOException("scorecard is not valid JSON", e);
    }
  }

  private static Scorecard compile(JsonNode root) {
    List<Scorecard.Characteristic> characteristics = new ArrayList<>();
    for (JsonNode c : required(root, "characteristics")) {
      String name = required(c, "feature").asText();
      Feature feature = FeatureSchema.byName(name).orElseThrow(() -> new IllegalArgumentException(
          "scorecard reads feature '" + name + "' that feature schema v" + FeatureSchema.VERSION + " lacks"));
      List<Scorecard.Bin> bins = new ArrayList<>();
      for (JsonNode b : required(c, "bins")) {
        bins.add(new Scorecard.Bin(upperBound(required(b, "upperBound")), required(b, "points").asDouble()));
      }
      characteristics.add(new Scorecard.Characteristic(feature, c.path("missingPoints").asDouble(0), bins));
    }
    return new Scorecard(required(root, "version").asText(), required(root, "basePoints").asDouble(),
        characteristics);
  }

  private static float upperBound(JsonNode node) {
    return node.isTextual() ? Float.parseFloat(node.asText()) : (float) node.asDouble();
  }

  private static JsonNode required(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      throw new IllegalArgumentException("scorecard is missing '" + field + "'");
    }
    return value;
  }
}
