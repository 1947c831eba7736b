package dev.cdi.identity.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cdi.testing.SharedSpark;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

class ConnectedComponentsTest {

  private final SparkSession spark = SharedSpark.session();
  private final ConnectedComponents components = new ConnectedComponents(ComponentsSettings.DEFAULTS);

  private record Run(Map<Long, Long> assignments, int iterations) {
  }

  private Run run(Dataset<Row> edges) {
    ComponentsResult result = components.run(edges);
    try {
      assertEquals(GraphRows.ASSIGNMENTS, result.assignments().schema());
      return new Run(GraphRows.byNode(result.assignments()), result.iterations());
    } finally {
      result.release();
    }
  }

  private static Map<Long, Long> allTo(long component, long fromInclusive, long toInclusive) {
    Map<Long, Long> out = new TreeMap<>();
    for (long node = fromInclusive; node <= toInclusive; node++) {
      out.put(node, component);
    }
    return out;
  }

  @Test
  void pathOf2000NodesConvergesInLogarithmicRounds() {
    List<long[]> path = new ArrayList<>();
    for (long node = 1; node < 2000; node++) {
      path.add(new long[] {node + 1, node});
    }
    Run run = run(GraphRows.edges(spark, path));
    assertEquals(allTo(1, 1, 2000), run.assignments());
    assertTrue(run.iterations() <= 2 * 11, "rounds: " + run.iterations());
  }

  @Test
  void pathWithShuffledIdsConvergesInLogarithmicRounds() {
    List<Long> ids = new ArrayList<>();
    for (long id = 0; id < 2000; id++) {
      ids.add(id * 7 + 3);
    }
    java.util.Collections.shuffle(ids, new Random(42));
    List<long[]> path = new ArrayList<>();
    for (int i = 1; i < ids.size(); i++) {
      path.add(new long[] {ids.get(i - 1), ids.get(i)});
    }
    Run run = run(GraphRows.edges(spark, path));
    Map<Long, Long> expected = new TreeMap<>();
    ids.forEach(id -> expected.put(id, 3L));
    assertEquals(expected, run.assignments());
    assertTrue(run.iterations() <= 2 * 11, "rounds: " + run.iterations());
  }

  @Test
  void starWith5000NeighboursAroundAMiddleId() {
    List<long[]> star = new ArrayList<>();
    for (long leaf = 0; leaf <= 5000; leaf++) {
      if (leaf != 2500) {
        star.add(new long[] {2500, leaf});
      }
    }
    Run run = run(GraphRows.edges(spark, star));
    assertEquals(allTo(0, 0, 5000), run.assignments());
    assertTrue(run.iterations() <= 4, "rounds: " + run.iterations());
  }

  @Test
  void cycle() {
    Run run = run(GraphRows.edges(spark, new long[] {5, 9}, new long[] {9, 2}, new long[] {2, 7},
        new long[] {7, 4}, new long[] {4, 8}, new long[] {8, 5}));
    assertEquals(Map.of(2L, 2L, 4L, 2L, 5L, 2L, 7L, 2L, 8L, 2L, 9L, 2L), run.assignments());
  }

  @Test
  void disjointComponentsIncludingANodeLinkedOnlyToItself() {
    Run run = run(GraphRows.edges(spark, new long[] {10, 11}, new long[] {12, 11}, new long[] {30, 20},
        new long[] {40, 40}, new long[] {21, 30}, new long[] {50, 60}));
    assertEquals(Map.of(10L, 10L, 11L, 10L, 12L, 10L, 20L, 20L, 21L, 20L, 30L, 20L, 40L, 40L, 50L, 50L,
        60L, 50L), run.assignments());
  }

  @Test
  void duplicatesBothDirectionsAndSelfLoops() {
    Run run = run(GraphRows.edges(spark, new long[] {3, 1}, new long[] {1, 3}, new long[] {3, 1},
        new long[] {3, 3}, new long[] {1, 1}, new long[] {6, 3}, new long[] {6, 6}, new long[] {6, 3}));
    assertEquals(Map.of(1L, 1L, 3L, 1L, 6L, 1L), run.assignments());
  }

  @Test
  void emptyInputGivesNoRowsInOneRound() {
    Run run = run(GraphRows.edges(spark));
    assertEquals(Map.of(), run.assignments());
    assertEquals(1, run.iterations());
  }

  @Test
  void seededRandomGraphMatchesUnionFind() {
    Random random = new Random(20240607L);
    List<long[]> edges = new ArrayList<>();
    UnionFind expected = new UnionFind();
    for (int i = 0; i < 3000; i++) {
      long a = random.nextInt(4000);
      long b = random.nextInt(4000);
      edges.add(new long[] {a, b});
      expected.union(a, b);
    }
    Run run = run(GraphRows.edges(spark, edges));
    assertEquals(expected.minimumPerNode(), run.assignments());
  }

  @Test
  void failsWhenRoundsRunOut() {
    List<long[]> path = new ArrayList<>();
    for (long node = 1; node < 200; node++) {
      path.add(new long[] {node, node + 1});
    }
    ConnectedComponents tooFew = new ConnectedComponents(new ComponentsSettings(2));
    IllegalStateException error = assertThrows(IllegalStateException.class,
        () -> tooFew.run(GraphRows.edges(spark, path)));
    assertEquals("connected components did not converge within components.maxIterations=2 rounds; raise it or"
        + " check the input for an unexpectedly deep graph", error.getMessage());
  }

  @Test
  void releasesEveryCheckpointItMade() {
    int persistedBefore = spark.sparkContext().getPersistentRDDs().size();
    ComponentsResult result = components.run(GraphRows.edges(spark, new long[] {1, 2}, new long[] {2, 3},
        new long[] {3, 4}, new long[] {4, 5}));
    assertEquals(persistedBefore + 1, spark.sparkContext().getPersistentRDDs().size());
    result.release();
    assertEquals(persistedBefore, spark.sparkContext().getPersistentRDDs().size());
  }

  @Test
  void rejectsInputWithoutTheEdgeColumns() {
    Dataset<Row> wrong = GraphRows.edges(spark, new long[] {1, 2}).withColumnRenamed("dst", "to");
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> components.run(wrong));
    assertEquals("connected components edges is missing required column(s) [dst]; it has [src, to]",
        error.getMessage());
  }

  @Test
  void settingsRejectZeroIterations() {
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> new ComponentsSettings(0));
    assertEquals("components.maxIterations must be >= 1, got 0", error.getMessage());
  }

  /** Reference union-find for the random-graph test. */
  private static final class UnionFind {
    private final Map<Long, Long> parent = new TreeMap<>();

    long find(long node) {
      parent.putIfAbsent(node, node);
      long root = node;
      while (parent.get(root) != root) {
        root = parent.get(root);
      }
      return root;
    }

    void union(long a, long b) {
      long ra = find(a);
      long rb = find(b);
      parent.put(Math.max(ra, rb), Math.min(ra, rb));
    }

    Map<Long, Long> minimumPerNode() {
      Map<Long, Long> out = new TreeMap<>();
      for (long node : parent.keySet()) {
        out.put(node, find(node));
      }
      return out;
    }
  }
}
