package dev.cdi.identity.graph;

import dev.cdi.identity.graph.ConstrainedKruskal.Link;
import dev.cdi.identity.graph.ConstrainedKruskal.Member;
import dev.cdi.identity.graph.ConstrainedKruskal.Split;
import dev.cdi.identity.graph.GraphColumns.Clusters;
import dev.cdi.identity.graph.GraphColumns.Components;
import dev.cdi.identity.graph.GraphColumns.Edges;
import dev.cdi.identity.graph.GraphColumns.NodeAttributes;
import dev.cdi.identity.graph.GraphColumns.SplitReport;
import dev.cdi.identity.graph.GraphColumns.Work;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.CoGroupFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import scala.collection.JavaConverters;

/**
 * Re-clusters flagged components, each inside one task: members and links are cogrouped by component (one
 * shuffle of each) and handed to {@link ConstrainedKruskal}. One component's members and links are held in that
 * task's memory at once (a few hundred bytes per member and per link), so a component of many millions of
 * nodes calls for stricter linking upstream. Output: one row per component, see {@link #OUTPUT}.
 */
final class ComponentSplitter implements CoGroupFunction<Long, Row, Row, Row> {

  private static final long serialVersionUID = 1L;

  static final StructType MEMBER = new StructType()
      .add(Clusters.NODE, DataTypes.LongType, false)
      .add(Clusters.CLUSTER, DataTypes.LongType, false);

  /** Report columns, then {@code members}: array of ({@code node}, {@code cluster}). */
  static final StructType OUTPUT = new StructType()
      .add(SplitReport.COMPONENT, DataTypes.LongType, false)
      .add(SplitReport.SIZE, DataTypes.LongType, false)
      .add(SplitReport.PARTS, DataTypes.LongType, false)
      .add(SplitReport.REASON, DataTypes.StringType, false)
      .add(SplitReport.EDGES_REJECTED_CONFLICT, DataTypes.LongType, false)
      .add(SplitReport.EDGES_REJECTED_SIZE, DataTypes.LongType, false)
      .add(Work.MEMBERS, DataTypes.createArrayType(MEMBER, false), false);

  private final int maxClusterSize;

  private ComponentSplitter(int maxClusterSize) {
    this.maxClusterSize = maxClusterSize;
  }

  /**
   * @param members {@code component}, {@code node}, {@code reason}, {@code conflict_keys} (may be null)
   * @param links   {@code component}, {@code src}, {@code dst}, {@code strength} (null counts as weakest),
   *                {@code cannot_link} (true: the pair must not share a cluster; its strength is ignored)
   */
  static Dataset<Row> split(Dataset<Row> members, Dataset<Row> links, GuardSettings settings) {
    MapFunction<Row, Long> component = row -> row.getLong(0);
    return members.select(Components.COMPONENT, Components.NODE, SplitReport.REASON, NodeAttributes.CONFLICT_KEYS)
        .groupByKey(component, Encoders.LONG())
        .cogroup(links.select(Components.COMPONENT, Edges.SRC, Edges.DST, Edges.STRENGTH, Work.CANNOT_LINK)
                .groupByKey(component, Encoders.LONG()),
            new ComponentSplitter(settings.maxClusterSize()), Encoders.row(OUTPUT));
  }

  @Override
  public Iterator<Row> call(Long component, Iterator<Row> memberRows, Iterator<Row> linkRows) {
    List<Member> members = new ArrayList<>();
    String reason = null;
    while (memberRows.hasNext()) {
      Row row = memberRows.next();
      reason = row.getString(2);
      members.add(new Member(row.getLong(1), keys(row)));
    }
    if (members.isEmpty()) {
      return List.<Row>of().iterator();
    }
    List<Link> links = new ArrayList<>();
    List<Link> cannotLink = new ArrayList<>();
    linkRows.forEachRemaining(row -> (row.getBoolean(4) ? cannotLink : links).add(link(row)));
    Split split = new ConstrainedKruskal(maxClusterSize).split(members, links, cannotLink);
    return List.of(output(component, reason, split)).iterator();
  }

  private static Map<String, String> keys(Row row) {
    Map<String, String> keys = new HashMap<>();
    if (!row.isNullAt(3)) {
      Map<String, String> raw = row.getJavaMap(3);
      raw.forEach((key, value) -> {
        if (key != null && value != null) {
          keys.put(key, value);
        }
      });
    }
    return keys;
  }

  private static Link link(Row row) {
    double strength = row.isNullAt(3) || Double.isNaN(row.getDouble(3)) ? Double.NEGATIVE_INFINITY : row.getDouble(3);
    return new Link(row.getLong(1), row.getLong(2), strength);
  }

  private static Row output(long component, String reason, Split split) {
    List<Row> assigned = new ArrayList<>(split.clusterOf().size());
    split.clusterOf().forEach((node, cluster) -> assigned.add(RowFactory.create(node, cluster)));
    return RowFactory.create(component, (long) split.clusterOf().size(), (long) split.parts(), reason,
        split.rejectedForConflict(), split.rejectedForSize(),
        JavaConverters.asScalaBuffer(assigned).toSeq());
  }
}
