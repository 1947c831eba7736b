package dev.cdi.identity.graph;

import java.util.Objects;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Result of {@link GuardedClustering#run}. Both Datasets are lazy views of one plan: each action over them runs
 * the flagging and re-clustering again (deterministically, so the answers agree).
 *
 * @param clusters one row per node of the assignment: {@code node}, {@code cluster} (long)
 * @param report   one row per re-clustered component: {@code component}, {@code size}, {@code parts},
 *                 {@code reason}, {@code edges_rejected_conflict}, {@code edges_rejected_size}
 */
public record GuardedResult(Dataset<Row> clusters, Dataset<Row> report) {

  public GuardedResult {
    Objects.requireNonNull(clusters, "clusters");
    Objects.requireNonNull(report, "report");
  }
}
