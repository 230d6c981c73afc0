package com.creditgate.scoring.model.gbdt;

import com.creditgate.scoring.feature.Feature;
import com.creditgate.scoring.feature.FeatureSchema;
import java.util.HashMap;
import java.util.Map;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

/** Trains {@code binary:logistic} models with xgboost4j on schema-named features (the test oracle). */
final class XgboostTrainer {
  private XgboostTrainer() {}

  /** Schema feature names in order, as a model must declare them. */
  static String[] featureNames() {
    String[] names = new String[FeatureSchema.SIZE];
    for (Feature feature : Feature.values()) {
      names[feature.ordinal()] = feature.jsonName();
    }
    return names;
  }

  /** A dense matrix of {@code rows}, {@code NaN} meaning missing, with schema feature names. */
  static DMatrix matrix(float[][] rows) throws XGBoostError {
    float[] flat = new float[rows.length * FeatureSchema.SIZE];
    for (int i = 0; i < rows.length; i++) {
      System.arraycopy(rows[i], 0, flat, i * FeatureSchema.SIZE, FeatureSchema.SIZE);
    }
    DMatrix matrix = new DMatrix(flat, rows.length, FeatureSchema.SIZE, Float.NaN);
    matrix.setFeatureNames(featureNames());
    return matrix;
  }

  /** Trains {@code trees} trees of depth at most {@code depth} and tags the model with {@code version}. */
  static Booster train(float[][] rows, float[] labels, int trees, int depth, String version)
      throws XGBoostError {
    DMatrix train = matrix(rows);
    try {
      train.setLabel(labels);
      Map<String, Object> params = new HashMap<>();
      params.put("objective", "binary:logistic");
      params.put("max_depth", depth);
      params.put("eta", 0.1);
      params.put("min_child_weight", 2);
      params.put("subsample", 0.9);
      params.put("seed", 7);
      params.put("nthread", 2);
      params.put("verbosity", 0);
      Booster booster = XGBoost.train(train, params, trees, new HashMap<>(), null, null);
      booster.setAttr(GbdtReader.VERSION_ATTRIBUTE, version);
      return booster;
    } finally {
      train.dispose();
    }
  }
}
