package dev.cdi.identity.stable;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sha2;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.when;

import dev.cdi.io.Columns.IdHistory;
import dev.cdi.io.Columns.IdentityMap;
import dev.cdi.spark.SchemaChecks;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * Customer ids that survive reruns. Each new cluster inherits the previous customer id it shares most records
 * with, by mutual best overlap: an old id goes to the cluster holding most of its records (ties: the smaller
 * cluster id), and a cluster chosen by several old ids keeps the one with the largest overlap (ties: the smaller
 * id). So a merge keeps one id and retires the others, and a split keeps the id for its largest part. Clusters
 * that inherit nothing get a new id, {@code C} + 16 hex digits of SHA-256 over their smallest record key and the
 * run id: deterministic for a rerun of the same run. Should that id already be in the previous map (only possible
 * when a run id is reused on changed data), a second derivation ({@code <run id>|2}) is taken instead.
 *
 * <p>Every retired or split-off id is reported as history: {@code merged} (old id → the id of the cluster that
 * absorbed most of its records) or {@code split} (old id → the new id of a part that broke away).
 *
 * <p>Shuffle cost: one join of the clustering with the previous map by record key, and aggregations and windows
 * over (cluster, old id) overlaps, which are about as many rows as there are customers.
 */
public final class StableIds {

  public static final String CLUSTER = "cluster";
  private static final String OLD = "old_id";
  private static final String OVERLAP = "overlap";

  private StableIds() {
  }

  /** The new map ({@code record_key}, {@code customer_id}) and the history rows (old_id, new_id, reason, records). */
  public record Result(Dataset<Row> assignments, Dataset<Row> history) {
  }

  /**
   * @param clusters {@code record_key} and {@code cluster} (any long; records with the same value are one customer)
   * @param previous the previous {@code identity/identity_map} ({@code record_key}, {@code customer_id}), possibly
   *                 empty
   * @param runId    the run, which seeds new ids
   */
  public static Result assign(Dataset<Row> clusters, Dataset<Row> previous, String runId) {
    SchemaChecks.requireColumns(clusters, "clusters", IdentityMap.RECORD_KEY, CLUSTER);
    SchemaChecks.requireColumns(previous, "previous identity map", IdentityMap.RECORD_KEY, IdentityMap.CUSTOMER_ID);
    Dataset<Row> overlaps = clusters.join(previous.select(col(IdentityMap.RECORD_KEY),
            col(IdentityMap.CUSTOMER_ID).as(OLD)), IdentityMap.RECORD_KEY)
        .groupBy(CLUSTER, OLD).agg(count(lit(1)).as(OVERLAP));
    Dataset<Row> bestClusterOfOld = overlaps.withColumn("rank", row_number().over(Window.partitionBy(OLD)
        .orderBy(col(OVERLAP).desc(), col(CLUSTER).asc()))).where(col("rank").equalTo(1)).drop("rank");
    Dataset<Row> inherited = bestClusterOfOld.withColumn("rank", row_number().over(Window.partitionBy(CLUSTER)
            .orderBy(col(OVERLAP).desc(), col(OLD).asc()))).where(col("rank").equalTo(1))
        .select(col(CLUSTER), col(OLD).as("inherited"));
    Dataset<Row> inUse = previous.select(col(IdentityMap.CUSTOMER_ID).as("in_use")).distinct();
    Dataset<Row> proposed = clusters.groupBy(CLUSTER).agg(min(IdentityMap.RECORD_KEY).as("first_key"))
        .join(inherited, CLUSTER, "left")
        .withColumn("proposed", coalesce(col("inherited"), newId(col("first_key"), runId)));
    Dataset<Row> ids = proposed.join(inUse, col("inherited").isNull().and(col("proposed").equalTo(col("in_use"))),
            "left")
        .select(col(CLUSTER), when(col("in_use").isNotNull(), newId(col("first_key"), runId + "|2"))
                .otherwise(col("proposed")).as(IdentityMap.CUSTOMER_ID),
            col("inherited").isNull().as("is_new"));
    Dataset<Row> assignments = clusters.join(ids, CLUSTER)
        .select(col(IdentityMap.RECORD_KEY), col(IdentityMap.CUSTOMER_ID));
    return new Result(assignments, history(overlaps, bestClusterOfOld, ids));
  }

  private static Column newId(Column firstKey, String runId) {
    return concat(lit("C"), substring(sha2(concat(firstKey, lit("|" + runId)), 256), 1, 16));
  }

  /** Old ids not kept under their own name: merged into their best cluster, or split off into a new cluster. */
  private static Dataset<Row> history(Dataset<Row> overlaps, Dataset<Row> bestClusterOfOld, Dataset<Row> ids) {
    Dataset<Row> withIds = overlaps.join(ids, CLUSTER);
    Dataset<Row> best = bestClusterOfOld.select(col(OLD).as("b_old"), col(CLUSTER).as("b_cluster"));
    Dataset<Row> joined = withIds.join(best, withIds.col(OLD).equalTo(best.col("b_old")));
    Column isBest = col(CLUSTER).equalTo(col("b_cluster"));
    Column reason = when(isBest.and(col(IdentityMap.CUSTOMER_ID).notEqual(col(OLD))), lit("merged"))
        .when(not(isBest).and(col("is_new")), lit("split"));
    return joined.withColumn(IdHistory.REASON, reason).where(col(IdHistory.REASON).isNotNull())
        .select(col(OLD).as(IdHistory.OLD_ID), col(IdentityMap.CUSTOMER_ID).as(IdHistory.NEW_ID),
            col(IdHistory.REASON), col(OVERLAP).as(IdHistory.RECORDS));
  }
}
