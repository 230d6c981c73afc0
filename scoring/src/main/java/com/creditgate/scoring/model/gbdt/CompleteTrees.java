package com.creditgate.scoring.model.gbdt;

import com.creditgate.common.Check;
import com.creditgate.scoring.feature.FeatureSchema;

/**
 * The scoring layout of a {@link Forest}, built so that a step is one load of the slot, one of the
 * feature, one compare and no branch (figures in BENCHMARKS.md):
 * <ul>
 *   <li>every tree padded to a complete binary tree of the forest's depth, heap-ordered (children of
 *       slot {@code i} at {@code 2i+1} and {@code 2i+2}), a shallow leaf copied to every slot below it;
 *   <li>a split goes right when {@code x >= threshold}, so a missing value ({@code NaN}) always goes left:
 *       a split whose default is right is stored mirrored, testing {@code -x >= nextUp(-threshold)}
 *       (exactly XGBoost's {@code x < threshold}) with its children swapped, and reads {@code -x} from
 *       the upper half of a doubled feature vector;
 *   <li>eight trees walk in lockstep so their independent loads overlap.
 * </ul>
 * Immutable after construction; {@link #leafSum} uses a per-thread scratch vector.
 */
final class CompleteTrees {
  /** Most array slots accepted after padding, over all trees. */
  static final long MAX_SLOTS = 1L << 22;
  private static final int LOCKSTEP = 8;
  private static final ThreadLocal<float[]> DOUBLED =
      ThreadLocal.withInitial(() -> new float[2 * FeatureSchema.SIZE]);

  private final int trees;
  /** Steps from a root to a leaf slot, the same for every tree. */
  private final int depth;
  /** Slots per tree. */
  private final int stride;
  /** A split slot's index into the doubled feature vector. */
  private final int[] feature;
  /** A split slot's threshold, or a leaf slot's value. */
  private final float[] value;

  CompleteTrees(Forest forest) {
    trees = forest.roots.length;
    int deepest = 0;
    for (int root : forest.roots) {
      deepest = Math.max(deepest, depthBelow(forest, root));
    }
    depth = deepest;
    long slots = ((2L << depth) - 1) * trees;
    Check.argument(depth < 31 && slots <= MAX_SLOTS,
        "%s trees of depth %s pad to more than the limit of %s slots", trees, depth, MAX_SLOTS);
    stride = (int) ((2L << depth) - 1);
    feature = new int[(int) slots];
    value = new float[(int) slots];
    for (int t = 0; t < trees; t++) {
      place(forest, forest.roots[t], t * stride, 0, 0);
    }
  }

  private static int depthBelow(Forest forest, int node) {
    if (forest.split[node] < 0) {
      return 0;
    }
    int left = forest.left[node];
    return 1 + Math.max(depthBelow(forest, left), depthBelow(forest, left + 1));
  }

  /** Places {@code node} at heap position {@code slot} of the tree starting at {@code base}. */
  private void place(Forest forest, int node, int base, int slot, int level) {
    if (level == depth) {
      value[base + slot] = forest.value[node];
      return;
    }
    if (forest.split[node] < 0) {
      // A shallow leaf: a pass-through split (feature 0, either outcome) over copies of the leaf.
      place(forest, node, base, 2 * slot + 1, level + 1);
      place(forest, node, base, 2 * slot + 2, level + 1);
      return;
    }
    float threshold = forest.value[node];
    Check.argument(Float.isFinite(threshold), "split threshold %s is not finite", threshold);
    int left = forest.left[node];
    boolean mirrored = forest.missing[node] != left;
    feature[base + slot] = forest.split[node] + (mirrored ? FeatureSchema.SIZE : 0);
    value[base + slot] = mirrored ? Math.nextUp(-threshold) : threshold;
    place(forest, mirrored ? left + 1 : left, base, 2 * slot + 1, level + 1);
    place(forest, mirrored ? left : left + 1, base, 2 * slot + 2, level + 1);
  }

  /** {@code initial} plus one leaf per tree, added in tree order in {@code float} as XGBoost adds them. */
  float leafSum(float[] features, float initial) {
    float[] doubled = DOUBLED.get();
    for (int f = 0; f < FeatureSchema.SIZE; f++) {
      doubled[f] = features[f];
      doubled[f + FeatureSchema.SIZE] = -features[f];
    }
    float sum = initial;
    int t = 0;
    for (; t + LOCKSTEP <= trees; t += LOCKSTEP) {
      int base0 = t * stride;
      int base1 = base0 + stride;
      int base2 = base1 + stride;
      int base3 = base2 + stride;
      int base4 = base3 + stride;
      int base5 = base4 + stride;
      int base6 = base5 + stride;
      int base7 = base6 + stride;
      int slot0 = 0;
      int slot1 = 0;
      int slot2 = 0;
      int slot3 = 0;
      int slot4 = 0;
      int slot5 = 0;
      int slot6 = 0;
      int slot7 = 0;
      for (int level = 0; level < depth; level++) {
        slot0 = child(doubled, base0, slot0);
        slot1 = child(doubled, base1, slot1);
        slot2 = child(doubled, base2, slot2);
        slot3 = child(doubled, base3, slot3);
        slot4 = child(doubled, base4, slot4);
        slot5 = child(doubled, base5, slot5);
        slot6 = child(doubled, base6, slot6);
        slot7 = child(doubled, base7, slot7);
      }
      sum += value[base0 + slot0];
      sum += value[base1 + slot1];
      sum += value[base2 + slot2];
      sum += value[base3 + slot3];
      sum += value[base4 + slot4];
      sum += value[base5 + slot5];
      sum += value[base6 + slot6];
      sum += value[base7 + slot7];
    }
    for (; t < trees; t++) {
      int base = t * stride;
      int slot = 0;
      for (int level = 0; level < depth; level++) {
        slot = child(doubled, base, slot);
      }
      sum += value[base + slot];
    }
    return sum;
  }

  private int child(float[] doubled, int base, int slot) {
    int at = base + slot;
    return 2 * slot + (doubled[feature[at]] >= value[at] ? 2 : 1);
  }
}
