package com.creditgate.scoring.model;

import com.creditgate.scoring.model.gbdt.GbdtReader;
import com.creditgate.scoring.model.scorecard.ScorecardReader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Loads either model format by its content: an XGBoost JSON model has a top-level {@code "learner"}, a
 * points scorecard has {@code "characteristics"}. Thread-safe (stateless).
 */
public final class ModelReader {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private ModelReader() {}

  /** Parses and compiles {@code json} with the reader its format needs. */
  public static CreditModel read(byte[] json) {
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException("model is not valid JSON", e);
    }
    if (root != null && root.has("learner")) {
      return GbdtReader.read(json);
    }
    if (root != null && root.has("characteristics")) {
      return ScorecardReader.read(json);
    }
    throw new IllegalArgumentException(
        "model is neither an XGBoost JSON model (\"learner\") nor a scorecard (\"characteristics\")");
  }
}
