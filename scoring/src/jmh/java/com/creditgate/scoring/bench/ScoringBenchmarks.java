package com.creditgate.scoring.bench;

import com.creditgate.scoring.feature.FeatureSchema;
import com.creditgate.scoring.model.gbdt.GbdtModel;
import com.creditgate.scoring.model.gbdt.GbdtReader;
import com.creditgate.scoring.model.scorecard.Scorecard;
import com.creditgate.scoring.model.scorecard.ScorecardReader;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.TimeUnit;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One row scored per operation, cycling through {@link BenchmarkRows#COUNT} pre-generated rows: the
 * shipped scorecard, our compiled GBDT, and xgboost4j on the same {@code gbdt-default.json} (a one-row
 * {@link DMatrix} plus {@code predict}, as a service would call it, and {@code inplace_predict}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ScoringBenchmarks {
  private float[][] rows;
  private int next;
  private Scorecard scorecard;
  private GbdtModel gbdt;
  private Booster booster;

  @Setup
  public void load() throws IOException, XGBoostError {
    rows = BenchmarkRows.generate(42L);
    scorecard = ScorecardReader.read(resource("/models/scorecard-default.json"));
    byte[] gbdtJson = resource("/models/gbdt-default.json");
    gbdt = GbdtReader.read(gbdtJson);
    booster = XGBoost.loadModel(gbdtJson);
    booster.setParam("nthread", 1);
  }

  @TearDown
  public void dispose() {
    booster.dispose();
  }

  @Benchmark
  public double scorecardProbabilityOfDefault() {
    return scorecard.probabilityOfDefault(nextRow());
  }

  @Benchmark
  public double gbdtProbabilityOfDefault() {
    return gbdt.probabilityOfDefault(nextRow());
  }

  @Benchmark
  public float xgboost4jDMatrixPredict() throws XGBoostError {
    DMatrix matrix = new DMatrix(nextRow(), 1, FeatureSchema.SIZE, Float.NaN);
    try {
      return booster.predict(matrix)[0][0];
    } finally {
      matrix.dispose();
    }
  }

  @Benchmark
  public float xgboost4jInplacePredict() throws XGBoostError {
    return booster.inplace_predict(nextRow(), 1, FeatureSchema.SIZE, Float.NaN)[0][0];
  }

  private float[] nextRow() {
    return rows[next++ & (BenchmarkRows.COUNT - 1)];
  }

  private static byte[] resource(String path) throws IOException {
    try (InputStream in = ScoringBenchmarks.class.getResourceAsStream(path)) {
      return in.readAllBytes();
    }
  }
}
