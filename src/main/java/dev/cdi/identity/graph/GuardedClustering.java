package dev.cdi.identity.graph;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;

import dev.cdi.identity.graph.GraphColumns.Clusters;
import dev.cdi.identity.graph.GraphColumns.Components;
import dev.cdi.identity.graph.GraphColumns.Edges;
import dev.cdi.identity.graph.GraphColumns.NodeAttributes;
import dev.cdi.identity.graph.GraphColumns.SplitReport;
import dev.cdi.identity.graph.GraphColumns.Work;
import dev.cdi.spark.SchemaChecks;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import java.util.List;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Over-merge guardrails: re-splits components that a weak chain or a hub may have glued together.
 * <ol>
 *   <li>Flag ({@link ComponentFlags}, aggregations only): components larger than {@code maxClusterSize}, and
 *   components where two members carry the same conflict key with different values (a confidently parsed
 *   {@code birth_date}; a {@code source:<name>} key holding the record id for a source declared duplicate-free,
 *   so no cluster may hold two of its records), and components holding both ends of a cannot-link pair (two
 *   records that a conflict rule declared different people).</li>
 *   <li>Re-cluster each flagged component in one task ({@link ComponentSplitter}): a constrained Kruskal
 *   ({@link ConstrainedKruskal}) that takes its links strongest first and refuses any union that would create
 *   a conflict, join a cannot-link pair or exceed {@code maxClusterSize}, so the weakest links are dropped. Each part is named by its
 *   smallest node id.</li>
 *   <li>Assemble: unflagged nodes keep their component id as their cluster; flagged nodes get their part.</li>
 * </ol>
 * Shuffle cost: the flagging aggregations over the assignment and the exploded conflict keys; one join of the
 * assignment with the flags (by component); for flagged components only, their members joined to their
 * attributes (by node) and their links to their members (by source node), then both cogrouped by component.
 * Links whose ends lie in different components are ignored. Pure and deterministic: no randomness, and the
 * Kruskal order is total (strength, then end ids), so the same inputs give the same clusters and report.
 */
public final class GuardedClustering {

  private final GuardSettings settings;

  public GuardedClustering(GuardSettings settings) {
    this.settings = settings;
  }

  /**
   * @param components {@code node}, {@code component} (as from {@link ConnectedComponents})
   * @param edges      the links the components were built from: {@code src}, {@code dst}, {@code strength}
   * @param attributes {@code node}, {@code conflict_keys} (map of string to string); one row per node, nodes
   *                   without keys may be absent
   */
  public GuardedResult run(Dataset<Row> components, Dataset<Row> edges, Dataset<Row> attributes) {
    return run(components, edges, attributes, components.sparkSession().createDataFrame(List.of(), PAIRS));
  }

  /**
   * As {@link #run(Dataset, Dataset, Dataset)}, never leaving the two ends of a {@code cannotLink} pair
   * ({@code src}, {@code dst}) in one cluster.
   */
  public GuardedResult run(Dataset<Row> components, Dataset<Row> edges, Dataset<Row> attributes,
                           Dataset<Row> cannotLink) {
    SchemaChecks.requireColumns(cannotLink, "guarded clustering cannot-link pairs", Edges.SRC, Edges.DST);
    SchemaChecks.requireColumns(components, "guarded clustering components", Components.NODE,
        Components.COMPONENT);
    SchemaChecks.requireColumns(edges, "guarded clustering edges", Edges.SRC, Edges.DST, Edges.STRENGTH);
    SchemaChecks.requireColumns(attributes, "guarded clustering attributes", NodeAttributes.NODE,
        NodeAttributes.CONFLICT_KEYS);
    Dataset<Row> assigned = components.select(asLong(Components.NODE), asLong(Components.COMPONENT));
    Dataset<Row> keyed = attributes.select(asLong(NodeAttributes.NODE), col(NodeAttributes.CONFLICT_KEYS));
    Dataset<Row> forbidden = cannotLink.select(asLong(Edges.SRC), asLong(Edges.DST));
    Dataset<Row> withReason = assigned.join(ComponentFlags.flag(assigned, keyed, forbidden,
        settings.maxClusterSize()), Components.COMPONENT, "left");
    Dataset<Row> kept = withReason.where(col(SplitReport.REASON).isNull())
        .select(col(Components.NODE).as(Clusters.NODE), col(Components.COMPONENT).as(Clusters.CLUSTER));
    Dataset<Row> splits = split(withReason.where(col(SplitReport.REASON).isNotNull()), edges, keyed, forbidden);
    Dataset<Row> reclustered = splits.select(explode(col(Work.MEMBERS)).as(Work.MEMBER))
        .select(col(Work.MEMBER + "." + Clusters.NODE), col(Work.MEMBER + "." + Clusters.CLUSTER));
    return new GuardedResult(kept.unionByName(reclustered), splits.drop(Work.MEMBERS));
  }

  private Dataset<Row> split(Dataset<Row> flaggedNodes, Dataset<Row> edges, Dataset<Row> keyed,
                             Dataset<Row> forbidden) {
    Dataset<Row> members = flaggedNodes.join(keyed, Components.NODE, "left");
    Dataset<Row> links = edges
        .select(asLong(Edges.SRC), asLong(Edges.DST), col(Edges.STRENGTH).cast(DataTypes.DoubleType).as(Edges.STRENGTH),
            lit(false).as(Work.CANNOT_LINK))
        .unionByName(forbidden.select(col(Edges.SRC), col(Edges.DST), lit(null).cast(DataTypes.DoubleType)
            .as(Edges.STRENGTH), lit(true).as(Work.CANNOT_LINK)))
        .join(flaggedNodes.select(col(Components.NODE).as(Edges.SRC), col(Components.COMPONENT)), Edges.SRC);
    return ComponentSplitter.split(members, links, settings);
  }

  private static final StructType PAIRS = new StructType().add(Edges.SRC, DataTypes.LongType)
      .add(Edges.DST, DataTypes.LongType);

  private static Column asLong(String column) {
    return col(column).cast(DataTypes.LongType).as(column);
  }
}
