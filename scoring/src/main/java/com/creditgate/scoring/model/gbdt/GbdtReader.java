package com.creditgate.scoring.model.gbdt;

import com.creditgate.common.Check;
import com.creditgate.scoring.feature.Feature;
import com.creditgate.scoring.feature.FeatureSchema;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a model in XGBoost's JSON format, as written by {@code Booster.save_model("m.json")} (XGBoost
 * 1.7 to 3.x), and compiles it into a {@link GbdtModel}. Accepted: objective {@code binary:logistic},
 * booster {@code gbtree}, numeric splits only, finite leaves. The model must declare {@code feature_names}, each a
 * {@link Feature#jsonName()} of schema v{@value FeatureSchema#VERSION}, and carry its version in the
 * learner attribute {@value #VERSION_ATTRIBUTE} (Python: {@code booster.set_attr(creditgate_version="...")});
 * a model trained on a numpy array gets both from the upload through {@link #withFeatureNames}.
 * Every rejection says why.
 */
public final class GbdtReader {
  /** Learner attribute holding the model version; XGBoost keeps attributes across save and load. */
  public static final String VERSION_ATTRIBUTE = "creditgate_version";

  /** Floats arrive as decimals so each is rounded once, straight to the {@code float} XGBoost wrote. */
  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  private GbdtReader() {}

  /** Parses and compiles {@code json}; throws {@link IllegalArgumentException} saying what is wrong. */
  public static GbdtModel read(byte[] json) {
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException("XGBoost model is not valid JSON", e);
    }
    JsonNode learner = required(root, "learner");
    checkSupported(learner);
    int[] schemaIndex = schemaIndexes(learner);
    JsonNode trees = required(required(required(learner, "gradient_booster"), "model"), "trees");
    List<Forest.Tree> compiled = new ArrayList<>(trees.size());
    for (JsonNode tree : trees) {
      compiled.add(tree(tree, compiled.size(), schemaIndex));
    }
    return new GbdtModel(version(learner), baseMargin(learner), Forest.compile(compiled));
  }

  /**
   * A plain XGBoost JSON model, as trained on a numpy array (no {@code feature_names}, perhaps no version
   * attribute), made self-describing: {@code featureNames} become its {@code feature_names} and {@code version}
   * its version attribute when it has none. A model that already names its features must name exactly these.
   * The result is what {@link #read} accepts; whether the names fit the schema is checked there.
   */
  public static byte[] withFeatureNames(byte[] json, List<String> featureNames, String version) {
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException("XGBoost model is not valid JSON", e);
    }
    Check.argument(required(root, "learner").isObject(), "'learner' must be an object");
    ObjectNode learner = (ObjectNode) root.get("learner");
    ArrayNode names = MAPPER.createArrayNode();
    featureNames.forEach(names::add);
    JsonNode declared = learner.path("feature_names");
    Check.argument(!declared.isArray() || declared.isEmpty() || declared.equals(names),
        "the model's feature_names %s differ from the featureNames given, %s", declared, names);
    learner.set("feature_names", names);
    JsonNode attributes = learner.path("attributes");
    ObjectNode attributeObject = attributes.isObject() ? (ObjectNode) attributes : learner.putObject("attributes");
    if (!attributeObject.hasNonNull(VERSION_ATTRIBUTE)) {
      attributeObject.put(VERSION_ATTRIBUTE, version);
    }
    try {
      return MAPPER.writeValueAsBytes(root);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void checkSupported(JsonNode learner) {
    String objective = required(required(learner, "objective"), "name").asText();
    Check.argument(objective.equals("binary:logistic"), "objective '%s' is not supported, only binary:logistic",
        objective);
    String booster = required(required(learner, "gradient_booster"), "name").asText();
    Check.argument(booster.equals("gbtree"), "booster '%s' is not supported, only gbtree", booster);
    JsonNode param = required(learner, "learner_model_param");
    Check.argument(param.path("num_class").asInt(0) <= 1, "multi-class models are not supported");
    Check.argument(param.path("num_target").asInt(1) == 1, "multi-target models are not supported");
    for (JsonNode type : learner.path("feature_types")) {
      Check.argument(!type.asText().equals("c"), "categorical features are not supported");
    }
  }

  /** Schema index of each model feature, by the names the model declares. */
  private static int[] schemaIndexes(JsonNode learner) {
    JsonNode names = learner.path("feature_names");
    Check.argument(names.isArray() && !names.isEmpty(),
        "model declares no feature_names; train it on a DMatrix whose feature names are schema names");
    int declared = required(learner, "learner_model_param").path("num_feature").asInt(names.size());
    Check.argument(declared == names.size(), "model has %s features but names %s", declared, names.size());
    int[] index = new int[names.size()];
    boolean[] taken = new boolean[FeatureSchema.SIZE];
    for (int i = 0; i < index.length; i++) {
      String name = names.get(i).asText();
      Feature feature = FeatureSchema.byName(name).orElseThrow(() -> new IllegalArgumentException(
          "model reads feature '" + name + "' that feature schema v" + FeatureSchema.VERSION + " lacks"));
      Check.argument(!taken[feature.ordinal()], "model names feature '%s' twice", name);
      taken[feature.ordinal()] = true;
      index[i] = feature.ordinal();
    }
    return index;
  }

  private static Forest.Tree tree(JsonNode tree, int number, int[] schemaIndex) {
    Check.argument(tree.path("categories_nodes").isEmpty() && !anyNonZero(tree.path("split_type")),
        "tree %s has categorical splits, which are not supported", number);
    Check.argument(tree.path("tree_param").path("size_leaf_vector").asInt(1) <= 1,
        "tree %s has vector leaves, which are not supported", number);
    int[] splitIndex = ints(tree, "split_indices");
    int[] feature = new int[splitIndex.length];
    for (int i = 0; i < feature.length; i++) {
      int modelFeature = splitIndex[i];
      Check.argument(modelFeature >= 0 && modelFeature < schemaIndex.length,
          "tree %s node %s splits on feature %s of %s", number, i, modelFeature, schemaIndex.length);
      feature[i] = schemaIndex[modelFeature];
    }
    int[] left = ints(tree, "left_children");
    float[] conditions = floats(tree, "split_conditions");
    for (int i = 0; i < Math.min(left.length, conditions.length); i++) {
      // A leaf's split_condition is its value; one that overflows a float (or is NaN) poisons every PD.
      Check.argument(left[i] != -1 || Float.isFinite(conditions[i]),
          "tree %s leaf %s has value %s, not a finite float", number, i, conditions[i]);
    }
    int[] defaultLeft = ints(tree, "default_left");
    boolean[] goesLeft = new boolean[defaultLeft.length];
    for (int i = 0; i < goesLeft.length; i++) {
      goesLeft[i] = defaultLeft[i] != 0;
    }
    try {
      return new Forest.Tree(left, ints(tree, "right_children"), feature, conditions, goesLeft,
          floats(tree, "sum_hessian"));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("tree " + number + ": " + e.getMessage(), e);
    }
  }

  private static String version(JsonNode learner) {
    JsonNode version = learner.path("attributes").path(VERSION_ATTRIBUTE);
    Check.argument(version.isTextual() && !version.asText().isBlank(),
        "model has no learner attribute '%s' naming its version", VERSION_ATTRIBUTE);
    return version.asText();
  }

  /**
   * The margin every row starts from, {@code logit(base_score)} computed in {@code float} as XGBoost
   * does. XGBoost 3.1 and later write base_score as a one-element vector, {@code "[5E-1]"}.
   */
  private static float baseMargin(JsonNode learner) {
    String text = required(required(learner, "learner_model_param"), "base_score").asText().trim();
    if (text.startsWith("[") && text.endsWith("]")) {
      text = text.substring(1, text.length() - 1).trim();
    }
    float baseScore;
    try {
      baseScore = Float.parseFloat(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("base_score '" + text + "' is not a number", e);
    }
    Check.argument(baseScore > 0 && baseScore < 1, "base_score %s is not a probability", baseScore);
    return (float) -Math.log(1.0f / baseScore - 1.0f);
  }

  private static boolean anyNonZero(JsonNode array) {
    for (JsonNode value : array) {
      if (value.asInt() != 0) {
        return true;
      }
    }
    return false;
  }

  private static int[] ints(JsonNode tree, String field) {
    JsonNode array = required(tree, field);
    int[] values = new int[array.size()];
    for (int i = 0; i < values.length; i++) {
      Check.argument(array.get(i).canConvertToInt(), "'%s' holds %s, not an int", field, array.get(i));
      values[i] = array.get(i).asInt();
    }
    return values;
  }

  private static float[] floats(JsonNode tree, String field) {
    JsonNode array = required(tree, field);
    float[] values = new float[array.size()];
    for (int i = 0; i < values.length; i++) {
      Check.argument(array.get(i).isNumber(), "'%s' holds %s, not a number", field, array.get(i));
      values[i] = Float.parseFloat(array.get(i).asText());
    }
    return values;
  }

  private static JsonNode required(JsonNode node, String field) {
    JsonNode value = node.get(field);
    Check.argument(value != null && !value.isNull(), "XGBoost model is missing '%s'", field);
    return value;
  }
}
