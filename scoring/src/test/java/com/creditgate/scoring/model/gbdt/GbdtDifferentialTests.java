package com.creditgate.scoring.model.gbdt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.creditgate.scoring.feature.FeatureSchema;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Our trees against xgboost4j itself, on the same JSON file and the same rows. */
class GbdtDifferentialTests {
  private static final int SCORED_ROWS = 10_000;
  private static final double PD_TOLERANCE = 1e-6;
  private static final double CONTRIBUTION_TOLERANCE = 1e-5;

  @TempDir static Path directory;
  private static Booster trained;
  private static GbdtModel ours;
  private static float[][] rows;

  @BeforeAll
  static void trainSmallModel() throws XGBoostError, IOException {
    SyntheticPopulation population = new SyntheticPopulation(20261122L);
    float[][] training = population.rows(6_000);
    trained = XgboostTrainer.train(training, population.labels(training), 30, 4, "differential-1");
    Path file = directory.resolve("model.json");
    trained.saveModel(file.toString());
    ours = GbdtReader.read(Files.readAllBytes(file));
    rows = new SyntheticPopulation(77L).rows(SCORED_ROWS);
  }

  @AfterAll
  static void dispose() {
    trained.dispose();
  }

  @Test
  void probabilitiesMatchXgboostOnEveryRow() throws XGBoostError {
    assertSameProbabilities(ours, trained, rows);
  }

  @Test
  void marginsMatchXgboostOnEveryRow() throws XGBoostError {
    float[][] theirs = predict(trained, rows, true);
    for (int i = 0; i < rows.length; i++) {
      assertThat((double) ours.margin(rows[i])).as("row %s", i).isCloseTo(theirs[i][0], within(PD_TOLERANCE));
    }
  }

  @Test
  void shippedDefaultModelMatchesXgboostLoadingTheSameFile() throws XGBoostError, IOException {
    byte[] json = defaultModelJson();
    Booster booster = XGBoost.loadModel(json);
    try {
      GbdtModel model = GbdtReader.read(json);
      assertThat(model.trees()).isEqualTo(100);
      assertSameProbabilities(model, booster, rows);
    } finally {
      booster.dispose();
    }
  }

  @Test
  void contributionsMatchXgboostPredictContrib() throws XGBoostError {
    float[][] sample = new float[2_000][];
    System.arraycopy(rows, 0, sample, 0, sample.length);
    DMatrix matrix = XgboostTrainer.matrix(sample);
    try {
      float[][] theirs = trained.predictContrib(matrix, 0);
      for (int i = 0; i < sample.length; i++) {
        double[] phi = ours.contributions(sample[i]);
        for (int f = 0; f < FeatureSchema.SIZE; f++) {
          assertThat(phi[f]).as("row %s feature %s", i, f).isCloseTo(theirs[i][f], within(CONTRIBUTION_TOLERANCE));
        }
        assertThat(ours.expectedMargin()).as("row %s bias", i)
            .isCloseTo(theirs[i][FeatureSchema.SIZE], within(CONTRIBUTION_TOLERANCE));
      }
    } finally {
      matrix.dispose();
    }
  }

  static byte[] defaultModelJson() throws IOException {
    try (InputStream in = GbdtDifferentialTests.class.getResourceAsStream("/models/gbdt-default.json")) {
      return in.readAllBytes();
    }
  }

  private static void assertSameProbabilities(GbdtModel model, Booster booster, float[][] rows)
      throws XGBoostError {
    float[][] theirs = predict(booster, rows, false);
    for (int i = 0; i < rows.length; i++) {
      assertThat(model.probabilityOfDefault(rows[i])).as("row %s", i).isCloseTo(theirs[i][0], within(PD_TOLERANCE));
    }
  }

  private static float[][] predict(Booster booster, float[][] rows, boolean margin) throws XGBoostError {
    DMatrix matrix = XgboostTrainer.matrix(rows);
    try {
      return booster.predict(matrix, margin);
    } finally {
      matrix.dispose();
    }
  }
}
