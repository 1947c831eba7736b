package dev.cdi.spark;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.plans.logical.LogicalPlan;
import org.apache.spark.sql.execution.LogicalRDD;

/**
 * Lineage truncation for iterative steps: a reliable checkpoint when the SparkContext has a checkpoint
 * directory, otherwise a local checkpoint (blocks kept by the executors, memory then disk). {@link #truncate}
 * materializes at once; {@link #truncateLazily} on the first action over the result, so that an action the
 * caller needs anyway (a convergence count) also writes the checkpoint. {@link #release} frees a local
 * checkpoint's blocks; the Dataset must not be used afterwards. Files of a reliable checkpoint stay until Spark's
 * cleaner removes them ({@code spark.cleaner.referenceTracking.cleanCheckpoints}) or the directory is deleted.
 */
public final class Checkpoints {

  private Checkpoints() {
  }

  /** Materializes {@code data} (one Spark job) and returns a Dataset that reads it back with no lineage. */
  public static Dataset<Row> truncate(Dataset<Row> data) {
    if (data.sparkSession().sparkContext().getCheckpointDir().isDefined()) {
      return data.checkpoint();
    }
    return data.localCheckpoint();
  }

  /**
   * Like {@link #truncate}, but written by the first action that reads the result; that action must read every
   * partition (an aggregation does).
   */
  public static Dataset<Row> truncateLazily(Dataset<Row> data) {
    if (data.sparkSession().sparkContext().getCheckpointDir().isDefined()) {
      return data.checkpoint(false);
    }
    return data.localCheckpoint(false);
  }

  /** Frees the blocks behind a Dataset returned by {@link #truncate} or {@link #truncateLazily}. */
  public static void release(Dataset<Row> checkpointed) {
    LogicalPlan plan = checkpointed.queryExecution().logical();
    if (!(plan instanceof LogicalRDD logicalRdd)) {
      throw new IllegalArgumentException("not a checkpointed Dataset: its plan is " + plan.nodeName());
    }
    logicalRdd.rdd().unpersist(false);
  }
}
