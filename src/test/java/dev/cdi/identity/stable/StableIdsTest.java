package dev.cdi.identity.stable;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cdi.testing.SharedSpark;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
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

class StableIdsTest {

  private static final StructType CLUSTERS = new StructType().add("record_key", DataTypes.StringType)
      .add("cluster", DataTypes.LongType);
  private static final StructType MAP = new StructType().add("record_key", DataTypes.StringType)
      .add("customer_id", DataTypes.StringType);

  private final SparkSession spark = SharedSpark.session();

  private Dataset<Row> clusters(Object... keyAndCluster) {
    return spark.createDataFrame(rows(keyAndCluster), CLUSTERS);
  }

  private Dataset<Row> previous(Object... keyAndId) {
    return spark.createDataFrame(rows(keyAndId), MAP);
  }

  private static List<Row> rows(Object... pairs) {
    List<Row> out = new java.util.ArrayList<>();
    for (int i = 0; i < pairs.length; i += 2) {
      out.add(RowFactory.create(pairs[i], pairs[i + 1]));
    }
    return out;
  }

  static String newId(String firstKey, String runId) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest((firstKey + "|" + runId)
          .getBytes(StandardCharsets.UTF_8));
      return "C" + HexFormat.of().formatHex(hash).substring(0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, String> map(Dataset<Row> assignments) {
    Map<String, String> out = new TreeMap<>();
    assignments.collectAsList().forEach(r -> out.put(r.getString(0), r.getString(1)));
    return out;
  }

  private static List<String> history(Dataset<Row> history) {
    return history.orderBy("old_id", "new_id").collectAsList().stream()
        .map(r -> r.getString(0) + "->" + r.getString(1) + " " + r.getString(2) + " " + r.getLong(3)).toList();
  }

  @Test
  void theFirstRunGivesEveryClusterANewIdFromItsFirstRecordAndTheRun() {
    StableIds.Result result = StableIds.assign(clusters("s:b", 1L, "s:a", 1L, "s:c", 2L), previous(), "r1");
    assertEquals(Map.of("s:a", newId("s:a", "r1"), "s:b", newId("s:a", "r1"), "s:c", newId("s:c", "r1")),
        map(result.assignments()));
    assertEquals(List.of(), history(result.history()));
  }

  @Test
  void aMergeKeepsTheIdWithTheLargestOverlapAndRetiresTheOther() {
    StableIds.Result result = StableIds.assign(clusters("a", 7L, "b", 7L, "c", 7L, "d", 9L),
        previous("a", "X", "b", "X", "c", "Y", "d", "Z"), "r2");
    assertEquals(Map.of("a", "X", "b", "X", "c", "X", "d", "Z"), map(result.assignments()));
    assertEquals(List.of("Y->X merged 1"), history(result.history()));
  }

  @Test
  void aSplitKeepsTheIdForTheLargestPartAndTheRestGetNewIds() {
    StableIds.Result result = StableIds.assign(clusters("a", 1L, "b", 1L, "c", 2L, "e", 3L),
        previous("a", "X", "b", "X", "c", "X"), "r2");
    assertEquals(Map.of("a", "X", "b", "X", "c", newId("c", "r2"), "e", newId("e", "r2")),
        map(result.assignments()));
    assertEquals(List.of("X->" + newId("c", "r2") + " split 1"), history(result.history()));
  }

  @Test
  void anEvenSplitKeepsTheIdForTheSmallerClusterAndANewIdNeverRepeatsOneInUse() {
    String first = newId("a", "r1");
    StableIds.Result result = StableIds.assign(clusters("a", 5L, "b", 4L), previous("a", first, "b", first), "r1");
    assertEquals(Map.of("a", newId("a", "r1|2"), "b", first), map(result.assignments()),
        "a's natural new id is taken by b's cluster, so it gets the alternative");
    assertEquals(List.of(first + "->" + newId("a", "r1|2") + " split 1"), history(result.history()));
  }
}
