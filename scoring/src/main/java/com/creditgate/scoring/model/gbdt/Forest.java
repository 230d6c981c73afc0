package com.creditgate.scoring.model.gbdt;

import com.creditgate.common.Check;
import java.util.List;

/**
 * The trees of a model in one set of flat arrays, nodes of a tree laid out breadth-first so that a right
 * child always follows its left sibling. A node is a leaf when {@code split[node] < 0}; then
 * {@code value[node]} is its leaf value, otherwise its threshold. Immutable after construction.
 */
final class Forest {
  /** Deepest tree accepted: bounds the TreeSHAP path buffers and recursion. */
  static final int MAX_DEPTH = 32;
  /** Most nodes accepted over all trees. */
  static final int MAX_NODES = 4_000_000;

  final int[] roots;
  /** Schema index of the feature a node tests, or {@code -1} for a leaf. */
  final int[] split;
  final float[] value;
  /** Index of the left child; the right child is {@code left[node] + 1}. */
  final int[] left;
  /** Index of the child a missing ({@code NaN}) value goes to. */
  final int[] missing;
  /** Sum of hessians of the training rows that reached a node (XGBoost's {@code sum_hessian}). */
  final float[] cover;

  /**
   * One tree as XGBoost stores it: node {@code i} is a leaf when {@code leftChild[i] == -1}; a split node
   * tests {@code feature[i]} (schema index) against {@code condition[i]}, which is the value of a leaf.
   */
  record Tree(int[] leftChild, int[] rightChild, int[] feature, float[] condition, boolean[] defaultLeft,
      float[] cover) {
    Tree {
      int n = leftChild.length;
      Check.argument(n > 0, "a tree needs at least one node");
      Check.argument(rightChild.length == n && feature.length == n && condition.length == n
          && defaultLeft.length == n && cover.length == n, "tree arrays differ in length");
    }
  }

  private Forest(int trees, int nodes) {
    roots = new int[trees];
    split = new int[nodes];
    value = new float[nodes];
    left = new int[nodes];
    missing = new int[nodes];
    cover = new float[nodes];
  }

  /** Validates and lays out {@code trees}; throws {@link IllegalArgumentException} naming the bad tree. */
  static Forest compile(List<Tree> trees) {
    Check.argument(!trees.isEmpty(), "a model needs at least one tree");
    long nodes = trees.stream().mapToLong(t -> t.leftChild().length).sum();
    Check.argument(nodes <= MAX_NODES, "model has %s nodes, more than the limit %s", nodes, MAX_NODES);
    Forest forest = new Forest(trees.size(), (int) nodes);
    int next = 0;
    for (int t = 0; t < trees.size(); t++) {
      forest.roots[t] = next;
      try {
        next = forest.layOut(trees.get(t), next);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("tree " + t + ": " + e.getMessage(), e);
      }
    }
    return forest;
  }

  /** Copies {@code tree} breadth-first from index {@code start}; returns the next free index. */
  private int layOut(Tree tree, int start) {
    int n = tree.leftChild().length;
    int[] queue = new int[n];
    int[] depth = new int[n];
    boolean[] seen = new boolean[n];
    seen[0] = true;
    int tail = 1;
    for (int head = 0; head < tail; head++) {
      int source = queue[head];
      int target = start + head;
      Check.argument(depth[head] <= MAX_DEPTH, "deeper than the limit %s", MAX_DEPTH);
      value[target] = tree.condition()[source];
      cover[target] = tree.cover()[source];
      int l = tree.leftChild()[source];
      int r = tree.rightChild()[source];
      if (l == -1) {
        Check.argument(r == -1, "node %s has a right child but no left child", source);
        split[target] = -1;
        continue;
      }
      Check.argument(l > 0 && l < n && r > 0 && r < n && !seen[l] && !seen[r] && l != r,
          "node %s has invalid children %s and %s", source, l, r);
      Check.argument(tree.cover()[source] > 0, "split node %s has no cover", source);
      Check.argument(!Float.isNaN(tree.condition()[source]), "split node %s has a NaN threshold", source);
      seen[l] = true;
      seen[r] = true;
      split[target] = tree.feature()[source];
      left[target] = start + tail;
      missing[target] = tree.defaultLeft()[source] ? start + tail : start + tail + 1;
      queue[tail] = l;
      queue[tail + 1] = r;
      depth[tail] = depth[head] + 1;
      depth[tail + 1] = depth[head] + 1;
      tail += 2;
    }
    return start + tail;
  }

  /** Sum over trees of the cover-weighted mean leaf value: the forest's output for an average row. */
  double expectedLeafSum() {
    double sum = 0;
    for (int root : roots) {
      sum += meanValue(root);
    }
    return sum;
  }

  /** Cover-weighted mean of the leaves under {@code node} (XGBoost's node mean value). */
  double meanValue(int node) {
    if (split[node] < 0) {
      return value[node];
    }
    int l = left[node];
    return (meanValue(l) * cover[l] + meanValue(l + 1) * cover[l + 1]) / cover[node];
  }
}
