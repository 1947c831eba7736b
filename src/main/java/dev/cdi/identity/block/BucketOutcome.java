package dev.cdi.identity.block;

/** What became of a band bucket. */
public enum BucketOutcome {
  /** At most {@code maxBucketSize} records: all its pairs are candidates. */
  KEPT,
  /** Oversized, split by refinement; some or all records ended in kept sub-buckets. */
  SPLIT,
  /** Oversized even after the last refinement (for example identical values): no pairs. */
  DROPPED
}
