package com.creditgate.scoring.model.gbdt;

import java.nio.file.Files;
import java.nio.file.Path;
import ml.dmlc.xgboost4j.java.Booster;

/**
 * Regenerates {@code scoring/src/main/resources/models/gbdt-default.json}: 100 trees of depth 6 trained
 * with xgboost4j on a seeded {@link SyntheticPopulation}. Run {@code tools/regenerate-gbdt-default.sh}.
 */
final class DefaultGbdtModelGenerator {
  static final String VERSION = "gbdt-2026.11.1";
  static final int TREES = 100;
  static final int DEPTH = 6;
  static final int TRAINING_ROWS = 40_000;

  private DefaultGbdtModelGenerator() {}

  public static void main(String[] args) throws Exception {
    Path target = Path.of(args.length > 0 ? args[0] : "scoring/src/main/resources/models/gbdt-default.json");
    SyntheticPopulation population = new SyntheticPopulation(2026_11_01L);
    float[][] rows = population.rows(TRAINING_ROWS);
    Booster booster = XgboostTrainer.train(rows, population.labels(rows), TREES, DEPTH, VERSION);
    try {
      Files.createDirectories(target.toAbsolutePath().getParent());
      booster.saveModel(target.toString());
    } finally {
      booster.dispose();
    }
    System.out.printf("wrote %s (%d bytes)%n", target, Files.size(target));
  }
}
