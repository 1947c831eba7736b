package dev.cdi.identity.block;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Splits one band bucket into groups of at most {@code maxBucketSize} records whose pairs are candidates. A bucket
 * larger than that is split by its members' refinement sub-key of level 1 (further MinHash values, see
 * {@link ViewBander}), each still-oversized part by level 2, and so on; a part still oversized after
 * {@code maxRefinements} levels is dropped. So no bucket yields more than maxBucketSize * (maxBucketSize - 1) / 2
 * pairs per group, whatever the data. Pure Java and deterministic: members are ordered by id first, groups are
 * sorted by their first id.
 */
final class BucketSplitter implements Serializable {

  private static final long serialVersionUID = 1L;

  private final int maxBucketSize;
  private final int maxRefinements;

  BucketSplitter(int maxBucketSize, int maxRefinements) {
    this.maxBucketSize = maxBucketSize;
    this.maxRefinements = maxRefinements;
  }

  /**
   * The outcome for one bucket.
   *
   * @param outcome        what became of the bucket
   * @param size           distinct records in the bucket
   * @param refinements    refinement levels used (0 for a kept bucket)
   * @param groups         kept groups of two or more records, ids ascending, ordered by first id
   * @param droppedRecords records in parts still oversized after the last level
   */
  record Split(BucketOutcome outcome, int size, int refinements, List<long[]> groups, int droppedRecords) {

    /** Pairs within the kept groups. */
    long pairs() {
      return groups.stream().mapToLong(g -> (long) g.length * (g.length - 1) / 2).sum();
    }
  }

  /** A bucket member: its id and its packed refinement sub-keys. */
  record Member(long nodeId, long refineKeys) {
  }

  /** Splits the bucket of {@code members} (in any order; a repeated id counts once). */
  Split split(List<Member> members) {
    List<Member> distinct = distinctById(members);
    Accumulator acc = new Accumulator();
    place(distinct, 0, acc);
    acc.groups.sort(Comparator.comparingLong(g -> g[0]));
    BucketOutcome outcome = distinct.size() <= maxBucketSize ? BucketOutcome.KEPT
        : acc.dropped == distinct.size() ? BucketOutcome.DROPPED : BucketOutcome.SPLIT;
    return new Split(outcome, distinct.size(), acc.deepestLevel, List.copyOf(acc.groups), acc.dropped);
  }

  private void place(List<Member> part, int level, Accumulator acc) {
    acc.deepestLevel = Math.max(acc.deepestLevel, level);
    if (part.size() <= maxBucketSize) {
      if (part.size() >= 2) {
        acc.groups.add(part.stream().mapToLong(Member::nodeId).toArray());
      }
      return;
    }
    if (level == maxRefinements) {
      acc.dropped += part.size();
      return;
    }
    List<Member> bySubKey = new ArrayList<>(part);
    bySubKey.sort(Comparator.comparingLong((Member m) -> subKey(m, level)).thenComparingLong(Member::nodeId));
    int start = 0;
    for (int i = 1; i <= bySubKey.size(); i++) {
      if (i == bySubKey.size() || subKey(bySubKey.get(i), level) != subKey(bySubKey.get(start), level)) {
        place(bySubKey.subList(start, i), level + 1, acc);
        start = i;
      }
    }
  }

  private static long subKey(Member member, int level) {
    return (member.refineKeys() >>> (ViewBander.SUB_KEY_BITS * level)) & ((1L << ViewBander.SUB_KEY_BITS) - 1);
  }

  private static List<Member> distinctById(List<Member> members) {
    Member[] sorted = members.toArray(new Member[0]);
    Arrays.sort(sorted, Comparator.comparingLong(Member::nodeId));
    List<Member> out = new ArrayList<>(sorted.length);
    for (Member member : sorted) {
      if (out.isEmpty() || out.get(out.size() - 1).nodeId() != member.nodeId()) {
        out.add(member);
      }
    }
    return out;
  }

  /** Mutable state of one split. */
  private static final class Accumulator {
    private final List<long[]> groups = new ArrayList<>();
    private int dropped;
    private int deepestLevel;
  }
}
