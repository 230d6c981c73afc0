package com.creditgate.scoring.model.gbdt;

/**
 * Path-dependent TreeSHAP (Lundberg, Erion and Lee 2018, Algorithm 2), the algorithm behind XGBoost's
 * {@code pred_contribs}: exact Shapley values of each feature's contribution to the margin, with node
 * cover standing in for the data distribution. One instance explains one row; not thread-safe.
 */
final class TreeShap {
  /** Path elements one recursion can hold; each level copies its parent's path into the next block. */
  private static final int PATH_CAPACITY = (Forest.MAX_DEPTH + 3) * (Forest.MAX_DEPTH + 4) / 2;

  private final Forest forest;
  private final float[] features;
  private final double[] phi;
  private final int[] pathFeature = new int[PATH_CAPACITY];
  private final double[] pathZero = new double[PATH_CAPACITY];
  private final double[] pathOne = new double[PATH_CAPACITY];
  private final double[] pathWeight = new double[PATH_CAPACITY];

  TreeShap(Forest forest, float[] features, double[] phi) {
    this.forest = forest;
    this.features = features;
    this.phi = phi;
  }

  /** Adds every tree's contributions to {@code phi}. */
  void run() {
    for (int root : forest.roots) {
      recurse(root, 0, 0, 1, 1, -1);
    }
  }

  private void recurse(int node, int parentStart, int depth, double parentZero, double parentOne,
      int parentFeature) {
    int start = parentStart + depth + 1;
    System.arraycopy(pathFeature, parentStart, pathFeature, start, depth + 1);
    System.arraycopy(pathZero, parentStart, pathZero, start, depth + 1);
    System.arraycopy(pathOne, parentStart, pathOne, start, depth + 1);
    System.arraycopy(pathWeight, parentStart, pathWeight, start, depth + 1);
    extend(start, depth, parentZero, parentOne, parentFeature);
    int feature = forest.split[node];
    if (feature < 0) {
      for (int i = 1; i <= depth; i++) {
        double weight = unwoundSum(start, depth, i);
        int at = start + i;
        phi[pathFeature[at]] += weight * (pathOne[at] - pathZero[at]) * forest.value[node];
      }
      return;
    }
    int left = forest.left[node];
    float x = features[feature];
    int hot = x < forest.value[node] ? left : x != x ? forest.missing[node] : left + 1;
    int cold = hot == left ? left + 1 : left;
    double incomingZero = 1;
    double incomingOne = 1;
    int seen = 0;
    while (seen <= depth && pathFeature[start + seen] != feature) {
      seen++;
    }
    int unique = depth;
    if (seen <= depth) {
      incomingZero = pathZero[start + seen];
      incomingOne = pathOne[start + seen];
      unwind(start, depth, seen);
      unique--;
    }
    double cover = forest.cover[node];
    recurse(hot, start, unique + 1, forest.cover[hot] / cover * incomingZero, incomingOne, feature);
    recurse(cold, start, unique + 1, forest.cover[cold] / cover * incomingZero, 0, feature);
  }

  /** Adds a feature to the path with the given fractions of zero and one paths. */
  private void extend(int start, int depth, double zero, double one, int feature) {
    pathFeature[start + depth] = feature;
    pathZero[start + depth] = zero;
    pathOne[start + depth] = one;
    pathWeight[start + depth] = depth == 0 ? 1 : 0;
    for (int i = depth - 1; i >= 0; i--) {
      pathWeight[start + i + 1] += one * pathWeight[start + i] * (i + 1) / (depth + 1);
      pathWeight[start + i] = zero * pathWeight[start + i] * (depth - i) / (depth + 1);
    }
  }

  /** Removes path element {@code index}, undoing its {@link #extend}. */
  private void unwind(int start, int depth, int index) {
    double one = pathOne[start + index];
    double zero = pathZero[start + index];
    double next = pathWeight[start + depth];
    for (int i = depth - 1; i >= 0; i--) {
      if (one != 0) {
        double kept = pathWeight[start + i];
        pathWeight[start + i] = next * (depth + 1) / ((i + 1) * one);
        next = kept - pathWeight[start + i] * zero * (depth - i) / (depth + 1);
      } else {
        pathWeight[start + i] = pathWeight[start + i] * (depth + 1) / (zero * (depth - i));
      }
    }
    for (int i = index; i < depth; i++) {
      pathFeature[start + i] = pathFeature[start + i + 1];
      pathZero[start + i] = pathZero[start + i + 1];
      pathOne[start + i] = pathOne[start + i + 1];
    }
  }

  /** Total permutation weight of the path with element {@code index} unwound, without changing it. */
  private double unwoundSum(int start, int depth, int index) {
    double one = pathOne[start + index];
    double zero = pathZero[start + index];
    double next = pathWeight[start + depth];
    double total = 0;
    for (int i = depth - 1; i >= 0; i--) {
      if (one != 0) {
        double weight = next * (depth + 1) / ((i + 1) * one);
        total += weight;
        next = pathWeight[start + i] - weight * zero * (depth - i) / (depth + 1);
      } else {
        total += pathWeight[start + i] / zero * (depth + 1) / (depth - i);
      }
    }
    return total;
  }
}
