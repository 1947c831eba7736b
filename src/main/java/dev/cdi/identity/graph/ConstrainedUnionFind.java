package dev.cdi.identity.graph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Union-find over nodes {@code 0..n-1} whose sets carry a size, the conflict key values of their members and
 * the members' cannot-link partners. A union is refused when the two sets hold the same key with different
 * values, when a member of one must not be linked with a member of the other, or when the merged set would exceed
 * a size limit. Union by size with path halving; key maps merge smaller into larger, so building every
 * set costs O(k log n) map insertions for k key values in total.
 */
final class ConstrainedUnionFind {

  /** What {@link #union} did. */
  enum Outcome {
    MERGED,
    SAME_SET,
    REJECTED_CONFLICT,
    REJECTED_SIZE
  }

  private final int[] parent;
  private final int[] size;
  private final List<Map<String, String>> keys;
  private final List<List<Integer>> cannotLink;

  /**
   * @param keysPerNode       conflict keys of node {@code i} at index {@code i} (empty when it has none)
   * @param cannotLinkPerNode nodes that node {@code i} must never share a set with (listed on both sides)
   */
  ConstrainedUnionFind(List<Map<String, String>> keysPerNode, List<List<Integer>> cannotLinkPerNode) {
    int n = keysPerNode.size();
    this.parent = new int[n];
    this.size = new int[n];
    this.keys = new ArrayList<>(n);
    this.cannotLink = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      parent[i] = i;
      size[i] = 1;
      keys.add(keysPerNode.get(i).isEmpty() ? Map.of() : new HashMap<>(keysPerNode.get(i)));
      cannotLink.add(cannotLinkPerNode.get(i).isEmpty() ? List.of() : new ArrayList<>(cannotLinkPerNode.get(i)));
    }
  }

  int find(int node) {
    int current = node;
    while (parent[current] != current) {
      parent[current] = parent[parent[current]];
      current = parent[current];
    }
    return current;
  }

  /** Merges the sets of {@code a} and {@code b} unless they conflict (checked first) or outgrow {@code maxSize}. */
  Outcome union(int a, int b, int maxSize) {
    int rootA = find(a);
    int rootB = find(b);
    if (rootA == rootB) {
      return Outcome.SAME_SET;
    }
    if (conflict(keys.get(rootA), keys.get(rootB)) || forbidden(rootA, rootB)) {
      return Outcome.REJECTED_CONFLICT;
    }
    if (size[rootA] + size[rootB] > maxSize) {
      return Outcome.REJECTED_SIZE;
    }
    int large = size[rootA] >= size[rootB] ? rootA : rootB;
    int small = large == rootA ? rootB : rootA;
    parent[small] = large;
    size[large] += size[small];
    keys.set(large, mergedKeys(keys.get(large), keys.get(small)));
    keys.set(small, Map.of());
    cannotLink.set(large, mergedPartners(cannotLink.get(large), cannotLink.get(small)));
    cannotLink.set(small, List.of());
    return Outcome.MERGED;
  }

  /** True when a member of one set has a cannot-link partner in the other (checks the shorter partner list). */
  private boolean forbidden(int rootA, int rootB) {
    boolean aShorter = cannotLink.get(rootA).size() <= cannotLink.get(rootB).size();
    int other = aShorter ? rootB : rootA;
    for (int partner : cannotLink.get(aShorter ? rootA : rootB)) {
      if (find(partner) == other) {
        return true;
      }
    }
    return false;
  }

  private static List<Integer> mergedPartners(List<Integer> large, List<Integer> small) {
    if (small.isEmpty()) {
      return large;
    }
    if (large.isEmpty()) {
      return small;
    }
    List<Integer> into = large.size() >= small.size() ? large : small;
    into.addAll(into == large ? small : large);
    return into;
  }

  private static boolean conflict(Map<String, String> first, Map<String, String> second) {
    Map<String, String> probe = first.size() <= second.size() ? first : second;
    Map<String, String> other = probe == first ? second : first;
    for (Map.Entry<String, String> entry : probe.entrySet()) {
      String value = other.get(entry.getKey());
      if (value != null && !value.equals(entry.getValue())) {
        return true;
      }
    }
    return false;
  }

  private static Map<String, String> mergedKeys(Map<String, String> large, Map<String, String> small) {
    if (small.isEmpty()) {
      return large;
    }
    if (large.isEmpty()) {
      return small;
    }
    Map<String, String> into = large.size() >= small.size() ? large : small;
    into.putAll(into == large ? small : large);
    return into;
  }
}
