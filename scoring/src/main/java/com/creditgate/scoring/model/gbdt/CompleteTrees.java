package com.creditgate.scoring.model.gbdt;

import com.creditgate.common.Check;
import com.creditgate.scoring.feature.FeatureSchema;
import java.util.Arrays;

/**
 * The scoring layout of a {@link Forest}, built so that a step is one load of the node, one of the
 * feature, one integer compare and no branch (figures in BENCHMARKS.md):
 * <ul>
 *   <li>every tree padded to a complete binary tree of the forest's depth, a shallow leaf copied to every
 *       slot below it, and the tree count padded to a multiple of {@link #LOCKSTEP} with trees whose
 *       leaves are {@code -0.0f} (adding it leaves any {@code float} sum bit-for-bit unchanged);
 *   <li>nodes numbered level by level over all trees, heap-style with {@code T} roots: the roots are
 *       {@code T .. 2T-1}, the children of node {@code n} are {@code 2n} and {@code 2n + 1}, and the leaves
 *       are the indexes from {@code T << depth}, so a step needs no per-tree base and a walk ends when its
 *       index reaches the leaves (fewer live registers: eight lanes fit without spilling);
 *   <li>a node is one {@code long}: the threshold's order-preserving integer {@link #key} in the high half
 *       and the index of the value it tests in the low half; the row is turned once into {@code long}s
 *       {@code key(x) << 32 | 0xFFFFFFFF}, so {@code rowKey >= node} is exactly {@code key(x) >= key(threshold)}
 *       and a step is one load of the node, one compare with the row's key, and the child index;
 *   <li>a split goes right when {@code key(x) >= key(threshold)}; a missing value's key is below every
 *       threshold's, so it always goes left: a split whose default is right is stored mirrored, testing
 *       {@code -x >= nextUp(-threshold)} (exactly XGBoost's {@code x < threshold}) with its children
 *       swapped, and reads {@code key(-x)} from the upper half of a doubled key vector;
 *   <li>eight trees walk in lockstep so their independent loads overlap.
 * </ul>
 * Immutable after construction; {@link #leafSum} uses a per-thread scratch vector.
 */
final class CompleteTrees {
  /** Most array slots accepted after padding, over all trees. */
  static final long MAX_SLOTS = 1L << 22;
  static final int LOCKSTEP = 8;
  /** A key's low half: all ones, so a row key at least equals any node whose threshold key matches. */
  private static final long LOW_ONES = 0xFFFF_FFFFL;
  private static final ThreadLocal<long[]> ROW_KEYS =
      ThreadLocal.withInitial(() -> new long[2 * FeatureSchema.SIZE]);

  /** Trees after padding to a multiple of {@link #LOCKSTEP}; also the index of the first root. */
  private final int trees;
  /** Steps from a root to a leaf, the same for every tree. */
  private final int depth;
  /** Index of the first leaf in the level-by-level numbering: {@code trees << depth}. */
  private final int firstLeaf;
  /** Split nodes by index, the first {@code trees} unused: threshold key high, row key index low. */
  private final long[] nodes;
  /** Leaf values, {@code leaf[n - firstLeaf]} for leaf node {@code n}. */
  private final float[] leaf;

  CompleteTrees(Forest forest) {
    int deepest = 0;
    for (int root : forest.roots) {
      deepest = Math.max(deepest, depthBelow(forest, root));
    }
    depth = deepest;
    long padded = (forest.roots.length + LOCKSTEP - 1L) / LOCKSTEP * LOCKSTEP;
    Check.argument(depth < 31 && padded * (2L << depth) <= MAX_SLOTS,
        "%s trees of depth %s pad to more than the limit of %s slots", forest.roots.length, depth, MAX_SLOTS);
    trees = (int) padded;
    firstLeaf = trees << depth;
    nodes = new long[firstLeaf];
    leaf = new float[trees << depth];
    Arrays.fill(leaf, -0.0f);
    for (int t = 0; t < forest.roots.length; t++) {
      place(forest, forest.roots[t], trees + t, 0);
    }
  }

  private static int depthBelow(Forest forest, int node) {
    if (forest.split[node] < 0) {
      return 0;
    }
    int left = forest.left[node];
    return 1 + Math.max(depthBelow(forest, left), depthBelow(forest, left + 1));
  }

  /** Places forest {@code node} at index {@code at} of level {@code level}. */
  private void place(Forest forest, int node, int at, int level) {
    if (level == depth) {
      leaf[at - firstLeaf] = forest.value[node];
      return;
    }
    int left = 2 * at;
    if (forest.split[node] < 0) {
      // A shallow leaf: a pass-through split (feature 0 against key 0, either outcome) over copies of the leaf.
      place(forest, node, left, level + 1);
      place(forest, node, left + 1, level + 1);
      return;
    }
    float threshold = forest.value[node];
    Check.argument(Float.isFinite(threshold), "split threshold %s is not finite", threshold);
    int forestLeft = forest.left[node];
    boolean mirrored = forest.missing[node] != forestLeft;
    int feature = forest.split[node] + (mirrored ? FeatureSchema.SIZE : 0);
    int bound = key(mirrored ? Math.nextUp(-threshold) : threshold);
    nodes[at] = (long) bound << 32 | feature;
    place(forest, mirrored ? forestLeft + 1 : forestLeft, left, level + 1);
    place(forest, mirrored ? forestLeft : forestLeft + 1, left + 1, level + 1);
  }

  /**
   * An {@code int} that orders as {@code x} does ({@code -0.0} and {@code 0.0} equal), with a missing value
   * ({@code NaN}) below the key of every number, {@code -Infinity} included.
   */
  static int key(float x) {
    if (x != x) {
      return Integer.MIN_VALUE;
    }
    int bits = Float.floatToRawIntBits(x + 0.0f);
    return bits ^ ((bits >> 31) >>> 1);
  }

  /** {@code initial} plus one leaf per tree, added in tree order in {@code float} as XGBoost adds them. */
  float leafSum(float[] features, float initial) {
    long[] keys = ROW_KEYS.get();
    for (int f = 0; f < FeatureSchema.SIZE; f++) {
      keys[f] = (long) key(features[f]) << 32 | LOW_ONES;
      keys[f + FeatureSchema.SIZE] = (long) key(-features[f]) << 32 | LOW_ONES;
    }
    float sum = initial;
    for (int t = 0; t < trees; t += LOCKSTEP) {
      sum = addBlock(keys, t, sum);
    }
    return sum;
  }

  /** Walks trees {@code t .. t+7} in lockstep and adds their leaves to {@code sum} in tree order. */
  private float addBlock(long[] keys, int t, float sum) {
    int n0 = trees + t;
    int n1 = n0 + 1;
    int n2 = n0 + 2;
    int n3 = n0 + 3;
    int n4 = n0 + 4;
    int n5 = n0 + 5;
    int n6 = n0 + 6;
    int n7 = n0 + 7;
    for (int level = 0; level < depth; level++) {
      n0 = child(keys, n0);
      n1 = child(keys, n1);
      n2 = child(keys, n2);
      n3 = child(keys, n3);
      n4 = child(keys, n4);
      n5 = child(keys, n5);
      n6 = child(keys, n6);
      n7 = child(keys, n7);
    }
    float[] values = leaf;
    int first = firstLeaf;
    sum += values[n0 - first];
    sum += values[n1 - first];
    sum += values[n2 - first];
    sum += values[n3 - first];
    sum += values[n4 - first];
    sum += values[n5 - first];
    sum += values[n6 - first];
    sum += values[n7 - first];
    return sum;
  }

  private int child(long[] keys, int node) {
    long packed = nodes[node];
    return 2 * node + (keys[(int) packed] >= packed ? 1 : 0);
  }
}
