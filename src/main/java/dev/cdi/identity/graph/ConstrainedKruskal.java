package dev.cdi.identity.graph;

import dev.cdi.identity.graph.ConstrainedUnionFind.Outcome;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Splits one over-merged component, in plain Java: a constrained Kruskal. Links are taken strongest first (ties
 * by the smaller, then the larger end id) and the two sides are united only if the merged set would hold no
 * conflicting key values (two members with the same key and different values), no cannot-link pair (two records
 * a conflict rule declared different people), and would not exceed the size limit; so the weakest links are the
 * ones dropped. Each resulting part is named by its smallest node id.
 *
 * <p>Links with an end outside the members are ignored, as are self-loops; a pair linked more than once counts
 * once, at its greatest strength. A node listed twice keeps the first value of each key. Cost: O(e log e) for
 * the sort plus near-linear union-find work; deterministic because the outcome depends only on the sorted link
 * order, not on the order of the inputs.
 */
public final class ConstrainedKruskal {

  private static final Comparator<Link> STRONGEST_FIRST = Comparator.comparingDouble(Link::strength).reversed()
      .thenComparingLong(Link::src).thenComparingLong(Link::dst);

  /** A component member and its conflict keys (for example {@code birth_date -> 1980-02-01}; no nulls). */
  public record Member(long node, Map<String, String> conflictKeys) {

    public Member {
      conflictKeys = Map.copyOf(conflictKeys);
    }
  }

  /** An undirected link between two members; NaN strength is not allowed (callers map unknowns to -inf). */
  public record Link(long src, long dst, double strength) {

    public Link {
      if (Double.isNaN(strength)) {
        throw new IllegalArgumentException("link " + src + "-" + dst + " has a NaN strength");
      }
    }

    Link oriented() {
      return src <= dst ? this : new Link(dst, src, strength);
    }
  }

  /**
   * The parts of a component.
   *
   * @param clusterOf           every member node to its part's smallest node id, by node
   * @param parts               number of parts
   * @param rejectedForConflict links refused because the merged part would hold conflicting key values
   * @param rejectedForSize     links refused (without a conflict) because the merged part would be too large
   */
  public record Split(Map<Long, Long> clusterOf, int parts, long rejectedForConflict, long rejectedForSize) {

    public Split {
      clusterOf = Collections.unmodifiableMap(new TreeMap<>(clusterOf));
    }
  }

  private final int maxClusterSize;

  /** @param maxClusterSize no part may hold more nodes than this (>= 1) */
  public ConstrainedKruskal(int maxClusterSize) {
    if (maxClusterSize < 1) {
      throw new IllegalArgumentException("maxClusterSize must be >= 1, got " + maxClusterSize);
    }
    this.maxClusterSize = maxClusterSize;
  }

  /** Splits the component made of {@code members} along {@code links}. */
  public Split split(List<Member> members, List<Link> links) {
    return split(members, links, List.of());
  }

  /**
   * Splits the component made of {@code members} along {@code links}, never joining the two ends of a
   * {@code cannotLink} pair (its strength is ignored; pairs with an end outside the members are ignored).
   */
  public Split split(List<Member> members, List<Link> links, List<Link> cannotLink) {
    long[] nodes = sortedNodes(members);
    ConstrainedUnionFind sets = new ConstrainedUnionFind(keysByIndex(nodes, members),
        partnersByIndex(nodes, cannotLink));
    long rejectedForConflict = 0;
    long rejectedForSize = 0;
    for (Link link : strongestFirst(links, nodes)) {
      Outcome outcome = sets.union(Arrays.binarySearch(nodes, link.src()), Arrays.binarySearch(nodes, link.dst()),
          maxClusterSize);
      if (outcome == Outcome.REJECTED_CONFLICT) {
        rejectedForConflict++;
      } else if (outcome == Outcome.REJECTED_SIZE) {
        rejectedForSize++;
      }
    }
    return parts(nodes, sets, rejectedForConflict, rejectedForSize);
  }

  private static long[] sortedNodes(List<Member> members) {
    return members.stream().mapToLong(Member::node).distinct().sorted().toArray();
  }

  private static List<Map<String, String>> keysByIndex(long[] nodes, List<Member> members) {
    List<Map<String, String>> keys = new ArrayList<>(nodes.length);
    for (int i = 0; i < nodes.length; i++) {
      keys.add(new HashMap<>());
    }
    for (Member member : members) {
      Map<String, String> target = keys.get(Arrays.binarySearch(nodes, member.node()));
      member.conflictKeys().forEach(target::putIfAbsent);
    }
    return keys;
  }

  private static List<List<Integer>> partnersByIndex(long[] nodes, List<Link> cannotLink) {
    List<List<Integer>> partners = new ArrayList<>(nodes.length);
    for (int i = 0; i < nodes.length; i++) {
      partners.add(new ArrayList<>());
    }
    for (Link pair : cannotLink) {
      int a = Arrays.binarySearch(nodes, pair.src());
      int b = Arrays.binarySearch(nodes, pair.dst());
      if (a >= 0 && b >= 0 && a != b) {
        partners.get(a).add(b);
        partners.get(b).add(a);
      }
    }
    return partners;
  }

  private static List<Link> strongestFirst(List<Link> links, long[] nodes) {
    List<Link> usable = new ArrayList<>();
    for (Link link : links) {
      Link oriented = link.oriented();
      if (oriented.src() != oriented.dst() && Arrays.binarySearch(nodes, oriented.src()) >= 0
          && Arrays.binarySearch(nodes, oriented.dst()) >= 0) {
        usable.add(oriented);
      }
    }
    usable.sort(STRONGEST_FIRST);
    Set<List<Long>> seen = new HashSet<>();
    List<Link> distinct = new ArrayList<>(usable.size());
    for (Link link : usable) {
      if (seen.add(List.of(link.src(), link.dst()))) {
        distinct.add(link);
      }
    }
    return distinct;
  }

  private static Split parts(long[] nodes, ConstrainedUnionFind sets, long rejectedForConflict,
      long rejectedForSize) {
    Map<Integer, Long> smallestByRoot = new HashMap<>();
    Map<Long, Long> clusterOf = new TreeMap<>();
    for (int i = 0; i < nodes.length; i++) {
      long node = nodes[i];
      clusterOf.put(node, smallestByRoot.computeIfAbsent(sets.find(i), root -> node));
    }
    return new Split(clusterOf, smallestByRoot.size(), rejectedForConflict, rejectedForSize);
  }
}
