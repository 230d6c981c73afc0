package com.creditgate.scoring.model;

import com.creditgate.scoring.feature.Feature;

/**
 * One feature's effect on a score.
 *
 * @param impact how much this feature lowered the score (scorecard points lost, or log-odds of default
 *     added); positive means worse
 */
public record Factor(Feature feature, double impact) {}
