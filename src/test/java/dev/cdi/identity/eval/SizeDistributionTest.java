package dev.cdi.identity.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cdi.identity.eval.SizeDistribution.Bucket;
import dev.cdi.identity.eval.SizeDistribution.SizeCount;
import java.util.List;
import org.junit.jupiter.api.Test;

class SizeDistributionTest {

  @Test
  void bucketsRunUpToTheLargestCluster() {
    // 5 singletons, 2 pairs, one cluster of 7 and one of 12 -> buckets 1..5, 6-10, 11-20.
    SizeDistribution d = new SizeDistribution(List.of(new SizeCount(12, 1), new SizeCount(1, 5), new SizeCount(2, 2),
        new SizeCount(7, 1)));
    assertEquals(List.of(1L, 2L, 7L, 12L), d.sizes().stream().map(SizeCount::size).toList());
    assertEquals(9, d.clusters());
    assertEquals(5 + 4 + 7 + 12, d.records());
    assertEquals(5, d.singletons());
    assertEquals(12, d.largest());
    assertEquals(List.of(new Bucket("1", 1, 1, 5, 5), new Bucket("2", 2, 2, 2, 4), new Bucket("3", 3, 3, 0, 0),
        new Bucket("4", 4, 4, 0, 0), new Bucket("5", 5, 5, 0, 0), new Bucket("6\u201310", 6, 10, 1, 7),
        new Bucket("11\u201320", 11, 20, 1, 12)), d.buckets());
  }

  @Test
  void theLastBucketIsOpenAndEmptyDistributionsHaveNoBuckets() {
    SizeDistribution d = new SizeDistribution(List.of(new SizeCount(5000, 1)));
    Bucket last = d.buckets().get(d.buckets().size() - 1);
    assertEquals(new Bucket("1001+", 1001, Long.MAX_VALUE, 1, 5000), last);
    assertEquals(0, d.singletons());
    SizeDistribution empty = new SizeDistribution(List.of());
    assertEquals(List.of(), empty.buckets());
    assertEquals(0, empty.largest());
    assertThrows(IllegalArgumentException.class,
        () -> new SizeDistribution(List.of(new SizeCount(2, 1), new SizeCount(2, 3))));
  }
}
