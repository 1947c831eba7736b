package dev.cdi.identity.eval;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;

import dev.cdi.identity.eval.EvalColumns.Predicted;
import dev.cdi.spark.SchemaChecks;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The size distribution of a predicted clustering ({@link Predicted} columns, one row per record key). Two
 * aggregations (clusters by customer id, then sizes) and one collect of at most one row per distinct size.
 */
public final class ClusterSizes {

  private static final String SIZE = "_size";

  private ClusterSizes() {
  }

  /** Runs one Spark job and returns how many clusters have each size. */
  public static SizeDistribution distribution(Dataset<Row> predicted) {
    SchemaChecks.requireColumns(predicted, "predicted clustering", Predicted.RECORD_KEY, Predicted.CUSTOMER_ID);
    List<SizeDistribution.SizeCount> sizes = predicted.groupBy(col(Predicted.CUSTOMER_ID))
        .agg(count(lit(1)).as(SIZE))
        .groupBy(col(SIZE)).agg(count(lit(1)))
        .collectAsList().stream()
        .map(r -> new SizeDistribution.SizeCount(r.getLong(0), r.getLong(1)))
        .toList();
    return new SizeDistribution(sizes);
  }
}
