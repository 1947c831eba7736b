package dev.cdi.identity.eval;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.sum;

import dev.cdi.identity.eval.EvalColumns.Contingency;
import dev.cdi.spark.SchemaChecks;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * {@link PairCounts} of a contingency table ({@link Contingency} columns) by aggregation, never enumerating pairs.
 * Each cell gets its cluster size a_i and entity size b_j through two window sums; then one global aggregation adds
 * up, per cell, C(n,2), n(a−1), n(b−1) (so that Σ C(a_i,2) = Σ n(a−1)/2 stays in exact integer arithmetic),
 * n²/a and n²/b. Shuffle cost: one shuffle per window (by customer_id, then by entity_id) over the cells, which
 * number at most the records. Long sums are exact up to about 3·10⁹ records. Deterministic.
 */
public final class ContingencySums {

  private static final String CLUSTER_SIZE = "_a";
  private static final String ENTITY_SIZE = "_b";

  private ContingencySums() {
  }

  /** Runs the aggregation (one Spark job) and returns the sums. */
  public static PairCounts of(Dataset<Row> contingency) {
    SchemaChecks.requireColumns(contingency, "contingency table", Contingency.CUSTOMER_ID, Contingency.ENTITY_ID,
        Contingency.RECORDS);
    Column n = col(Contingency.RECORDS);
    Column a = col(CLUSTER_SIZE);
    Column b = col(ENTITY_SIZE);
    Row r = contingency
        .withColumn(CLUSTER_SIZE, sum(n).over(Window.partitionBy(Contingency.CUSTOMER_ID)))
        .withColumn(ENTITY_SIZE, sum(n).over(Window.partitionBy(Contingency.ENTITY_ID)))
        .agg(sum(n), sum(n.multiply(n.minus(1))), sum(n.multiply(a.minus(1))), sum(n.multiply(b.minus(1))),
            sum(n.multiply(n).cast("double").divide(a)), sum(n.multiply(n).cast("double").divide(b)),
            countDistinct(col(Contingency.CUSTOMER_ID)), countDistinct(col(Contingency.ENTITY_ID)))
        .first();
    if (r.isNullAt(0)) {
      return new PairCounts(0, 0, 0, 0, 0.0, 0.0, 0, 0);
    }
    return new PairCounts(r.getLong(0), r.getLong(1) / 2, r.getLong(2) / 2, r.getLong(3) / 2, r.getDouble(4),
        r.getDouble(5), r.getLong(6), r.getLong(7));
  }
}
