package dev.cdi.identity.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cdi.testing.SharedSpark;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import scala.collection.JavaConverters;

class GuardedClusteringTest {

  private static final StructType REPORT = new StructType()
      .add("component", DataTypes.LongType, false)
      .add("size", DataTypes.LongType, false)
      .add("parts", DataTypes.LongType, false)
      .add("reason", DataTypes.StringType, false)
      .add("edges_rejected_conflict", DataTypes.LongType, false)
      .add("edges_rejected_size", DataTypes.LongType, false);

  private final SparkSession spark = SharedSpark.session();

  /** Inline inputs: assignment, weighted links, conflict keys. */
  private static final class Graph {
    final List<Row> assignments = new ArrayList<>();
    final List<Row> links = new ArrayList<>();
    final List<Row> attributes = new ArrayList<>();
    final List<Row> cannotLink = new ArrayList<>();

    Graph cannotLink(long src, long dst) {
      cannotLink.add(RowFactory.create(src, dst));
      return this;
    }

    Graph component(long component, long... nodes) {
      for (long node : nodes) {
        assignments.add(RowFactory.create(node, component));
      }
      return this;
    }

    Graph link(long src, long dst, double strength) {
      links.add(RowFactory.create(src, dst, strength));
      return this;
    }

    Graph keys(long node, String... keyValues) {
      Map<String, String> keys = new HashMap<>();
      for (int i = 0; i < keyValues.length; i += 2) {
        keys.put(keyValues[i], keyValues[i + 1]);
      }
      attributes.add(RowFactory.create(node, JavaConverters.mapAsScalaMap(keys)));
      return this;
    }
  }

  private record Outcome(Map<Long, Long> clusters, List<List<Object>> report) {
  }

  private Outcome run(Graph graph, int maxClusterSize) {
    GuardedResult result = new GuardedClustering(new GuardSettings(maxClusterSize)).run(
        spark.createDataFrame(graph.assignments, GraphRows.ASSIGNMENTS),
        spark.createDataFrame(graph.links, GraphRows.WEIGHTED_EDGES),
        spark.createDataFrame(graph.attributes, GraphRows.ATTRIBUTES),
        spark.createDataFrame(graph.cannotLink, GraphRows.EDGES));
    assertEquals(new StructType().add("node", DataTypes.LongType).add("cluster", DataTypes.LongType),
        result.clusters().schema());
    assertEquals(REPORT, result.report().schema());
    List<List<Object>> report = new ArrayList<>();
    for (Row row : result.report().orderBy("component").collectAsList()) {
      report.add(List.of(row.getLong(0), row.getLong(1), row.getLong(2), row.getString(3), row.getLong(4),
          row.getLong(5)));
    }
    return new Outcome(GraphRows.byNode(result.clusters()), report);
  }

  private static List<Object> reportRow(long component, long size, long parts, String reason, long conflicts,
      long tooLarge) {
    return List.of(component, size, parts, reason, conflicts, tooLarge);
  }

  @Test
  void hubPhoneSharedBy500RecordsWithDifferentBirthDatesMergesNoneOfThem() {
    Graph graph = new Graph();
    Map<Long, Long> expected = new TreeMap<>();
    for (long node = 1; node <= 501; node++) {
      graph.keys(node, "birth_date", LocalDate.of(1950, 1, 1).plusDays(node).toString());
      expected.put(node, node);
      if (node > 1) {
        graph.link(1, node, 1.0);
      }
    }
    graph.link(900, 901, 0.8).keys(900, "birth_date", "1990-05-05").keys(901, "birth_date", "1990-05-05");
    expected.put(900L, 900L);
    expected.put(901L, 900L);
    Dataset<Row> links = spark.createDataFrame(graph.links, GraphRows.WEIGHTED_EDGES);
    ComponentsResult components = new ConnectedComponents(ComponentsSettings.DEFAULTS).run(links);
    try {
      GuardedResult result = new GuardedClustering(new GuardSettings(1000)).run(components.assignments(), links,
          spark.createDataFrame(graph.attributes, GraphRows.ATTRIBUTES));
      assertEquals(expected, GraphRows.byNode(result.clusters()));
      assertEquals(List.of(RowFactory.create(1L, 501L, 501L, "conflict", 500L, 0L)),
          result.report().collectAsList());
    } finally {
      components.release();
    }
  }

  @Test
  void chainWhoseEndsDisagreeOnBirthDateIsSplitAtTheWeakerLink() {
    Graph strongFirst = new Graph().component(1, 1, 2, 3).link(1, 2, 0.9).link(3, 2, 0.6)
        .keys(1, "birth_date", "1980-02-01").keys(3, "birth_date", "1975-11-30");
    Outcome outcome = run(strongFirst, 10);
    assertEquals(Map.of(1L, 1L, 2L, 1L, 3L, 3L), outcome.clusters());
    assertEquals(List.of(reportRow(1, 3, 2, "conflict", 1, 0)), outcome.report());

    Graph strongLast = new Graph().component(1, 1, 2, 3).link(1, 2, 0.4).link(3, 2, 0.8)
        .keys(1, "birth_date", "1980-02-01").keys(3, "birth_date", "1975-11-30");
    assertEquals(Map.of(1L, 1L, 2L, 2L, 3L, 2L), run(strongLast, 10).clusters());
  }

  @Test
  void componentLargerThanTheLimitIsSplitByDroppingTheWeakestLinks() {
    Graph graph = new Graph().component(1, 1, 2, 3, 4, 5)
        .link(1, 2, 0.9).link(2, 3, 0.5).link(3, 4, 0.8).link(4, 5, 0.7)
        .component(10, 10, 11).link(11, 10, 0.1);
    Outcome outcome = run(graph, 2);
    assertEquals(Map.of(1L, 1L, 2L, 1L, 3L, 3L, 4L, 3L, 5L, 5L, 10L, 10L, 11L, 10L), outcome.clusters());
    assertEquals(List.of(reportRow(1, 5, 3, "size", 0, 2)), outcome.report());
  }

  @Test
  void sizeAndConflictTogether() {
    Graph graph = new Graph().component(1, 1, 2, 3, 4).link(1, 2, 0.9).link(2, 3, 0.8).link(3, 4, 0.7)
        .keys(1, "birth_date", "1980-02-01").keys(4, "birth_date", "1975-11-30");
    Outcome outcome = run(graph, 3);
    assertEquals(Map.of(1L, 1L, 2L, 1L, 3L, 1L, 4L, 4L), outcome.clusters());
    assertEquals(List.of(reportRow(1, 4, 2, "size+conflict", 1, 0)), outcome.report());
  }

  @Test
  void duplicateFreeSourceKeepsItsRecordsInSeparateClusters() {
    Graph graph = new Graph().component(1, 1, 2, 3).link(1, 3, 0.7).link(2, 3, 0.9)
        .keys(1, "source:crm_contacts", "C-1").keys(2, "source:crm_contacts", "C-2")
        .keys(3, "source:web_signups", "W-9");
    Outcome outcome = run(graph, 10);
    assertEquals(Map.of(1L, 1L, 2L, 2L, 3L, 2L), outcome.clusters());
    assertEquals(List.of(reportRow(1, 3, 2, "conflict", 1, 0)), outcome.report());
  }

  @Test
  void cleanComponentsAreUntouched() {
    Graph graph = new Graph().component(7, 7, 8, 9).link(7, 8, 0.2).link(9, 8, 0.3)
        .keys(7, "birth_date", "1980-02-01").keys(9, "birth_date", "1980-02-01").keys(8, "source:pos", "P-1")
        .component(42, 5, 6).link(5, 6, 1.0);
    Outcome outcome = run(graph, 3);
    assertEquals(Map.of(7L, 7L, 8L, 7L, 9L, 7L, 5L, 42L, 6L, 42L), outcome.clusters());
    assertEquals(List.of(), outcome.report());
  }

  @Test
  void sameInputInAnyRowOrderGivesTheSameOutput() {
    Graph graph = new Graph();
    for (long node = 1; node <= 40; node++) {
      graph.component(1, node).link(node, node % 40 + 1, (node % 4) / 4.0).link(node, (node * 7) % 40 + 1, 0.5);
      if (node % 6 == 0) {
        graph.keys(node, "birth_date", "19" + (40 + node) + "-01-01");
      }
    }
    Outcome first = run(graph, 9);
    Collections.reverse(graph.assignments);
    Collections.reverse(graph.links);
    Collections.reverse(graph.attributes);
    assertEquals(first, run(graph, 9));
    assertEquals(40, first.clusters().size());
  }

  @Test
  void rejectsAttributesWithoutConflictKeys() {
    Dataset<Row> components = spark.createDataFrame(List.of(RowFactory.create(1L, 1L)), GraphRows.ASSIGNMENTS);
    Dataset<Row> links = spark.createDataFrame(List.<Row>of(), GraphRows.WEIGHTED_EDGES);
    Dataset<Row> attributes = components.select("node");
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> new GuardedClustering(new GuardSettings(2)).run(components, links, attributes));
    assertEquals("guarded clustering attributes is missing required column(s) [conflict_keys]; it has [node]",
        error.getMessage());
  }

  @Test
  void settingsRejectALimitBelowTwo() {
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> new GuardSettings(1));
    assertEquals("guard.maxClusterSize must be >= 2, got 1", error.getMessage());
  }

  @Test
  void aCannotLinkPairIsSeparatedAndTheNamelessRecordJoinsItsStrongerSide() {
    // John (1, 2) and Mary (3, 4) share a family email; record 5 holds only that email. The John-Mary pairs were
    // vetoed by a conflict rule (different given names), so 1-3 is a cannot-link pair.
    Graph graph = new Graph().component(1, 1, 2, 3, 4, 5)
        .link(1, 2, 30).link(3, 4, 30).link(1, 5, 12).link(3, 5, 11).link(2, 3, 10)
        .component(6, 6, 7).link(6, 7, 5)
        .cannotLink(1, 3).cannotLink(6, 99);
    Outcome outcome = run(graph, 10);
    assertEquals(Map.of(1L, 1L, 2L, 1L, 5L, 1L, 3L, 3L, 4L, 3L, 6L, 6L, 7L, 6L), outcome.clusters());
    assertEquals(List.of(List.of(1L, 5L, 2L, "conflict", 2L, 0L)), outcome.report(),
        "links 3-5 and 2-3 are refused; component 6 holds no cannot-link pair and is untouched");
  }
}
