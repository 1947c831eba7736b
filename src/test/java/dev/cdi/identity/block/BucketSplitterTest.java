package dev.cdi.identity.block;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cdi.identity.block.BucketSplitter.Member;
import dev.cdi.identity.block.BucketSplitter.Split;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BucketSplitterTest {

  /** Packs 16-bit sub-keys, level 1 first. */
  private static long refine(long... subKeys) {
    long packed = 0;
    for (int level = 0; level < subKeys.length; level++) {
      packed |= subKeys[level] << (16 * level);
    }
    return packed;
  }

  private static List<Member> members(int from, int count, long refineKeys) {
    List<Member> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      out.add(new Member(from + i, refineKeys));
    }
    return out;
  }

  @Test
  void smallBucketIsKeptWholeWithIdsSortedAndDeduplicated() {
    Split split = new BucketSplitter(5, 3).split(List.of(new Member(9, 0), new Member(3, 0), new Member(7, 0),
        new Member(3, 0)));
    assertEquals(BucketOutcome.KEPT, split.outcome());
    assertEquals(3, split.size());
    assertEquals(0, split.refinements());
    assertEquals(1, split.groups().size());
    assertArrayEquals(new long[] {3, 7, 9}, split.groups().get(0));
    assertEquals(3, split.pairs());
    assertEquals(0, split.droppedRecords());
  }

  @Test
  void oversizedBucketIsSplitBySubKeysLevelByLevel() {
    List<Member> members = new ArrayList<>();
    members.addAll(members(100, 4, refine(1, 1)));
    members.addAll(members(200, 3, refine(2, 1)));
    members.addAll(members(300, 4, refine(3, 1)));
    members.addAll(members(310, 2, refine(3, 2)));
    members.add(new Member(400, refine(4, 1)));
    Split split = new BucketSplitter(4, 2).split(members);
    assertEquals(BucketOutcome.SPLIT, split.outcome());
    assertEquals(14, split.size());
    assertEquals(2, split.refinements(), "sub-key 3 of level 1 holds 6 records, so level 2 splits it");
    assertEquals(4, split.groups().size(), "the lone record 400 forms no group");
    assertArrayEquals(new long[] {100, 101, 102, 103}, split.groups().get(0));
    assertArrayEquals(new long[] {200, 201, 202}, split.groups().get(1));
    assertArrayEquals(new long[] {300, 301, 302, 303}, split.groups().get(2));
    assertArrayEquals(new long[] {310, 311}, split.groups().get(3));
    assertEquals(6 + 3 + 6 + 1, split.pairs());
    assertEquals(0, split.droppedRecords());
  }

  @Test
  void identicalSubKeysAreDroppedAfterTheLastLevel() {
    Split split = new BucketSplitter(50, 3).split(members(1, 300, refine(7, 7, 7)));
    assertEquals(BucketOutcome.DROPPED, split.outcome());
    assertEquals(300, split.size());
    assertEquals(3, split.refinements());
    assertEquals(List.of(), split.groups());
    assertEquals(300, split.droppedRecords());
    assertEquals(0, split.pairs());
  }

  @Test
  void partOfABucketCanBeDropped() {
    List<Member> members = new ArrayList<>(members(1, 60, refine(1, 1, 1)));
    members.addAll(members(1000, 10, refine(2, 5, 5)));
    Split split = new BucketSplitter(50, 3).split(members);
    assertEquals(BucketOutcome.SPLIT, split.outcome());
    assertEquals(60, split.droppedRecords());
    assertEquals(1, split.groups().size());
    assertEquals(10, split.groups().get(0).length);
    assertEquals(45, split.pairs());
  }

  @Test
  void withoutRefinementsAnOversizedBucketIsDroppedAtOnce() {
    Split split = new BucketSplitter(2, 0).split(members(1, 3, refine(1)));
    assertEquals(BucketOutcome.DROPPED, split.outcome());
    assertEquals(0, split.refinements());
    assertEquals(3, split.droppedRecords());
  }
}
