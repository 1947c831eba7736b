package dev.cdi.identity.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** Builds small graph inputs and reads node-to-id outputs back, for the graph tests. */
final class GraphRows {

  static final StructType EDGES = new StructType()
      .add("src", DataTypes.LongType).add("dst", DataTypes.LongType);
  static final StructType WEIGHTED_EDGES = EDGES.add("strength", DataTypes.DoubleType);
  static final StructType ATTRIBUTES = new StructType()
      .add("node", DataTypes.LongType)
      .add("conflict_keys", DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType));
  static final StructType ASSIGNMENTS = new StructType()
      .add("node", DataTypes.LongType).add("component", DataTypes.LongType);

  private GraphRows() {
  }

  /** Edges from {@code {src, dst}} pairs. */
  static Dataset<Row> edges(SparkSession spark, long[]... pairs) {
    List<Row> rows = new ArrayList<>();
    for (long[] pair : pairs) {
      rows.add(RowFactory.create(pair[0], pair[1]));
    }
    return spark.createDataFrame(rows, EDGES);
  }

  static Dataset<Row> edges(SparkSession spark, List<long[]> pairs) {
    return edges(spark, pairs.toArray(long[][]::new));
  }

  /** Reads a two-long-column output ({@code node}, id) into a sorted map, failing on a duplicate node. */
  static Map<Long, Long> byNode(Dataset<Row> data) {
    Map<Long, Long> out = new TreeMap<>();
    for (Row row : data.collectAsList()) {
      Long previous = out.put(row.getLong(0), row.getLong(1));
      if (previous != null) {
        throw new AssertionError("node " + row.getLong(0) + " appears twice");
      }
    }
    return out;
  }
}
