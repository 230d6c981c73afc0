package com.creditgate.scoring.model;

/**
 * Maps a probability of default to the product's score scale and back: 600 points at odds 30:1 good to
 * bad, 50 points to double the odds, clamped to [300, 900]. Pure and allocation-free.
 */
public final class ScoreScale {
  public static final int MIN_SCORE = 300;
  public static final int MAX_SCORE = 900;
  private static final double BASE_SCORE = 600.0;
  private static final double BASE_ODDS = 30.0;
  private static final double POINTS_TO_DOUBLE_ODDS = 50.0;
  private static final double FACTOR = POINTS_TO_DOUBLE_ODDS / Math.log(2.0);
  private static final double OFFSET = BASE_SCORE - FACTOR * Math.log(BASE_ODDS);

  private ScoreScale() {}

  /** Score for a probability of default. */
  public static int scoreOf(double pd) {
    double clamped = Math.min(Math.max(pd, 1e-9), 1.0 - 1e-9);
    double score = OFFSET + FACTOR * Math.log((1.0 - clamped) / clamped);
    return (int) Math.round(Math.min(Math.max(score, MIN_SCORE), MAX_SCORE));
  }

  /** Probability of default for a (possibly unclamped) score. */
  public static double pdOf(double score) {
    double logOdds = (score - OFFSET) / FACTOR;
    return 1.0 / (1.0 + Math.exp(logOdds));
  }
}
