package com.creditgate.gateway.risk;

import com.creditgate.scoring.model.CreditModel;
import com.creditgate.scoring.model.ModelReader;
import com.creditgate.scoring.model.gbdt.GbdtModel;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;

/**
 * Model documents as the admin API stores them: a points scorecard or an XGBoost JSON model
 * ({@link ModelReader} tells them apart by content). Parsing is CPU work of milliseconds for a 100-tree model:
 * call it off the event loop.
 */
public final class ModelDocuments {
  private ModelDocuments() {}

  /** {@code "xgboost-json"} or {@code "scorecard"}; throws {@link IllegalArgumentException} for anything else. */
  public static String format(byte[] json) {
    JsonObject root;
    try {
      root = new JsonObject(Buffer.buffer(json));
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("model document is not a JSON object");
    }
    if (root.containsKey("learner")) {
      return "xgboost-json";
    }
    if (root.containsKey("characteristics")) {
      return "scorecard";
    }
    throw new IllegalArgumentException("model is neither an XGBoost JSON model (\"learner\") nor a scorecard "
        + "(\"characteristics\")");
  }

  /** Parses and compiles {@code json}; throws {@link RuntimeException} for a document that is no model. */
  public static CreditModel read(byte[] json) {
    return ModelReader.read(json);
  }

  /** The storage format of a compiled {@code model}: what {@link #format(byte[])} says of its document. */
  public static String format(CreditModel model) {
    return model instanceof GbdtModel ? "xgboost-json" : "scorecard";
  }
}
