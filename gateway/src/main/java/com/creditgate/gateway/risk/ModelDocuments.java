package com.creditgate.gateway.risk;

import com.creditgate.scoring.model.CreditModel;
import com.creditgate.scoring.model.scorecard.ScorecardReader;
import io.vertx.core.json.JsonObject;

/**
 * Reads a model document of any format the product ships: a points scorecard ({@code "format":"scorecard"}).
 * Blocking only in the CPU sense (parsing, compiling): call it off the event loop for large models.
 */
public final class ModelDocuments {
  private ModelDocuments() {}

  /** The format name of {@code json}; throws {@link IllegalArgumentException} for an unknown one. */
  public static String format(byte[] json) {
    JsonObject root;
    try {
      root = new JsonObject(io.vertx.core.buffer.Buffer.buffer(json));
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("model document is not a JSON object");
    }
    if ("scorecard".equals(root.getString("format"))) {
      return "scorecard";
    }
    throw new IllegalArgumentException("unknown model format: expected a scorecard (\"format\":\"scorecard\")");
  }

  /** Parses and compiles {@code json}. */
  public static CreditModel read(byte[] json) {
    return switch (format(json)) {
      case "scorecard" -> ScorecardReader.read(json);
      default -> throw new IllegalArgumentException("unknown model format");
    };
  }
}
