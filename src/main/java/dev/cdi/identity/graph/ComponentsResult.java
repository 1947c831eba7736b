package dev.cdi.identity.graph;

import dev.cdi.spark.Checkpoints;

import java.util.Objects;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Result of {@link ConnectedComponents#run}.
 *
 * @param assignments one row per node: {@code node}, {@code component} (both long), materialized (checkpointed)
 * @param iterations  rounds run, including the last one that found nothing left to change
 */
public record ComponentsResult(Dataset<Row> assignments, int iterations) {

  public ComponentsResult {
    Objects.requireNonNull(assignments, "assignments");
    if (iterations < 1) {
      throw new IllegalArgumentException("iterations must be >= 1, got " + iterations);
    }
  }

  /** Frees the checkpoint behind {@link #assignments}; call once it has been consumed, then do not use it again. */
  public void release() {
    Checkpoints.release(assignments);
  }
}
