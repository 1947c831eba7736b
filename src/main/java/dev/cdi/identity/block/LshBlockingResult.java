package dev.cdi.identity.block;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.sum;

import dev.cdi.identity.block.LshColumns.Buckets;
import dev.cdi.identity.block.LshColumns.Summary;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The lazy outputs of {@link LshBlocker#block}. Nothing has run yet: the caller triggers the actions.
 * {@link #pairs} and {@link #bucketStats} both derive from {@link #buckets}; a caller that needs both can
 * {@code persist()} {@link #buckets} first (and {@code unpersist()} it after) so the band-key shuffle runs once.
 *
 * @param pairs       {@link LshColumns.Pairs}: distinct candidate pairs, left_id &lt; right_id
 * @param buckets     {@link LshColumns.Buckets}: every bucket of two or more records with its kept groups
 * @param bucketStats {@link LshColumns.Buckets} without the groups
 */
public record LshBlockingResult(Dataset<Row> pairs, Dataset<Row> buckets, Dataset<Row> bucketStats) {

  /**
   * Per view and {@link BucketOutcome}: how many buckets, their records (summed and largest), the records dropped
   * and the pairs their kept groups yield before deduplication ({@link LshColumns.Summary}), ordered by view and
   * outcome.
   */
  public Dataset<Row> outcomeSummary() {
    return bucketStats.groupBy(Buckets.VIEW, Buckets.OUTCOME)
        .agg(count(lit(1)).as(Summary.BUCKETS), sum(Buckets.SIZE).as(Summary.RECORDS),
            max(Buckets.SIZE).as(Summary.MAX_SIZE), sum(Buckets.DROPPED_RECORDS).as(Summary.DROPPED_RECORDS),
            sum(Buckets.PAIRS).as(Summary.PAIRS))
        .orderBy(col(Buckets.VIEW), col(Buckets.OUTCOME));
  }
}
