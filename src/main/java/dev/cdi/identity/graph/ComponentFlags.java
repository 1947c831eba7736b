package dev.cdi.identity.graph;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.when;

import dev.cdi.identity.graph.GraphColumns.Components;
import dev.cdi.identity.graph.GraphColumns.Edges;
import dev.cdi.identity.graph.GraphColumns.NodeAttributes;
import dev.cdi.identity.graph.GraphColumns.SplitReport;
import dev.cdi.identity.graph.GraphColumns.Work;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Finds the components {@link GuardedClustering} must re-cluster, by aggregation only: those with more than
 * {@code maxClusterSize} nodes, and those where two members carry the same conflict key with different values
 * (null values are ignored), or hold both ends of a cannot-link pair. Shuffles: one aggregation of the assignment by component; the exploded key values
 * joined to the assignment by node, then aggregated by (component, key) and by component. Deterministic.
 */
final class ComponentFlags {

  private ComponentFlags() {
  }

  /**
   * @param assigned   {@code node}, {@code component} (long)
   * @param attributes {@code node} (long), {@code conflict_keys} (map of string to string)
   * @return {@code component}, {@code reason} ({@link SplitReason#label()}), flagged components only
   */
  static Dataset<Row> flag(Dataset<Row> assigned, Dataset<Row> attributes, Dataset<Row> cannotLink,
                           int maxClusterSize) {
    Dataset<Row> sizes = assigned.groupBy(Components.COMPONENT).agg(count(lit(1)).as(SplitReport.SIZE));
    Column tooLarge = col(SplitReport.SIZE).gt(maxClusterSize);
    Column conflict = coalesce(col(Work.CONFLICT), lit(false));
    Dataset<Row> conflicts = conflicted(assigned, attributes).unionByName(separated(assigned, cannotLink))
        .groupBy(Components.COMPONENT).agg(max(Work.CONFLICT).as(Work.CONFLICT));
    return sizes.join(conflicts, Components.COMPONENT, "left")
        .select(col(Components.COMPONENT), reason(tooLarge, conflict).as(SplitReport.REASON))
        .where(col(SplitReport.REASON).isNotNull());
  }

  private static Dataset<Row> conflicted(Dataset<Row> assigned, Dataset<Row> attributes) {
    return attributes
        .select(col(NodeAttributes.NODE),
            explode(col(NodeAttributes.CONFLICT_KEYS)).as(new String[] {Work.KEY, Work.VALUE}))
        .where(col(Work.VALUE).isNotNull())
        .join(assigned, Components.NODE)
        .groupBy(Components.COMPONENT, Work.KEY)
        .agg(min(Work.VALUE).notEqual(max(Work.VALUE)).as(Work.CONFLICT))
        .groupBy(Components.COMPONENT)
        .agg(max(Work.CONFLICT).as(Work.CONFLICT));
  }

  /** Components holding both ends of a cannot-link pair: {@code component}, {@code conflict} (true). */
  private static Dataset<Row> separated(Dataset<Row> assigned, Dataset<Row> cannotLink) {
    Dataset<Row> left = assigned.select(col(Components.NODE).as(Edges.SRC), col(Components.COMPONENT));
    Dataset<Row> right = assigned.select(col(Components.NODE).as(Edges.DST), col(Components.COMPONENT).as("dst_c"));
    return cannotLink.join(left, Edges.SRC).join(right, Edges.DST)
        .where(col(Components.COMPONENT).equalTo(col("dst_c")))
        .select(col(Components.COMPONENT), lit(true).as(Work.CONFLICT));
  }

  private static Column reason(Column tooLarge, Column conflict) {
    return when(tooLarge.and(conflict), SplitReason.SIZE_AND_CONFLICT.label())
        .when(tooLarge, SplitReason.SIZE.label())
        .when(conflict, SplitReason.CONFLICT.label());
  }
}
