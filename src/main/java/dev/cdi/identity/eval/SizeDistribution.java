package dev.cdi.identity.eval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The predicted clusters' size distribution: how many clusters have each size, and the same grouped into fixed
 * buckets for charts (1, 2, 3, 4, 5, 6–10, 11–20, 21–50, 51–100, 101–1000, 1001+), listed up to the bucket that
 * holds the largest cluster.
 *
 * @param sizes one entry per distinct cluster size, ascending
 */
public record SizeDistribution(List<SizeCount> sizes) {

  private static final long[] BUCKET_STARTS = {1, 2, 3, 4, 5, 6, 11, 21, 51, 101, 1001};

  public SizeDistribution {
    sizes = sizes.stream().sorted(Comparator.comparingLong(SizeCount::size)).toList();
    for (int i = 1; i < sizes.size(); i++) {
      if (sizes.get(i).size() == sizes.get(i - 1).size()) {
        throw new IllegalArgumentException("cluster size " + sizes.get(i).size() + " is listed twice");
      }
    }
  }

  /** Clusters of one size. */
  public record SizeCount(long size, long clusters) {

    public SizeCount {
      if (size < 1 || clusters < 1) {
        throw new IllegalArgumentException("size and clusters must be >= 1, got " + size + " and " + clusters);
      }
    }
  }

  /**
   * Clusters whose size is in {@code [minSize, maxSize]}.
   *
   * @param label   "1", "6–10", "1001+"
   * @param maxSize {@link Long#MAX_VALUE} for the open last bucket
   * @param records records in those clusters
   */
  public record Bucket(String label, long minSize, long maxSize, long clusters, long records) {
  }

  public long clusters() {
    return sizes.stream().mapToLong(SizeCount::clusters).sum();
  }

  public long records() {
    return sizes.stream().mapToLong(s -> s.size() * s.clusters()).sum();
  }

  /** Clusters of one record. */
  public long singletons() {
    return sizes.isEmpty() || sizes.get(0).size() != 1 ? 0 : sizes.get(0).clusters();
  }

  /** The largest cluster's size, 0 when there are no clusters. */
  public long largest() {
    return sizes.isEmpty() ? 0 : sizes.get(sizes.size() - 1).size();
  }

  /** The chart buckets, from size 1 up to the bucket holding {@link #largest()} (empty buckets included). */
  public List<Bucket> buckets() {
    List<Bucket> out = new ArrayList<>();
    for (int b = 0; b < BUCKET_STARTS.length && BUCKET_STARTS[b] <= largest(); b++) {
      long min = BUCKET_STARTS[b];
      long max = b + 1 < BUCKET_STARTS.length ? BUCKET_STARTS[b + 1] - 1 : Long.MAX_VALUE;
      long clusters = 0;
      long records = 0;
      for (SizeCount s : sizes) {
        if (s.size() >= min && s.size() <= max) {
          clusters += s.clusters();
          records += s.size() * s.clusters();
        }
      }
      out.add(new Bucket(label(min, max), min, max, clusters, records));
    }
    return out;
  }

  private static String label(long min, long max) {
    if (max == Long.MAX_VALUE) {
      return min + "+";
    }
    return min == max ? Long.toString(min) : min + "\u2013" + max;
  }
}
