package dev.cdi.identity.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cdi.testing.SharedSpark;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class IdStabilityTest {

  private static final StructType TRUTH = new StructType().add("record_key", DataTypes.StringType)
      .add("entity_id", DataTypes.StringType);
  private static final StructType MAP = new StructType().add("record_key", DataTypes.StringType)
      .add("customer_id", DataTypes.StringType);

  private static Dataset<Row> table(StructType schema, String... pairs) {
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < pairs.length; i += 2) {
      rows.add(RowFactory.create(pairs[i], pairs[i + 1]));
    }
    return SharedSpark.session().createDataFrame(rows, schema);
  }

  @Test
  void aPersonKeepsTheirIdOnlyWhenEveryFollowedRecordDoes() {
    Dataset<Row> truth = table(TRUTH, "a", "p1", "b", "p1", "c", "p2", "d", "p3", "e", "p3", "f", "p4", "g", "p5",
        "i", "p4");
    Dataset<Row> before = table(MAP, "a", "X", "b", "X", "c", "Y", "d", "Z", "e", "Z", "f", "W", "h", "V");
    Dataset<Row> after = table(MAP, "a", "X", "b", "X", "c", "Y2", "d", "Z", "f", "W", "g", "N", "h", "V2",
        "i", "Q");

    IdStability.Result result = IdStability.measure(truth, before, after);

    // p1 kept; p2 moved (c); p3 lost e; p4 kept (i arrived later and is not followed); p5 (only g, new) not followed
    assertEquals(new IdStability.Result(4, 2, 6, 1, 1), result);
    assertEquals(0.5, result.keptShare());
  }

  @Test
  void aRerunWithTheSameMapKeepsEveryone() {
    Dataset<Row> truth = table(TRUTH, "a", "p1", "b", "p1", "c", "p2");
    Dataset<Row> map = table(MAP, "a", "X", "b", "X", "c", "X");
    assertEquals(new IdStability.Result(2, 2, 3, 0, 0), IdStability.measure(truth, map, map));
  }

  @Test
  void failsWhenNoTruthRecordIsInTheEarlierMap() {
    Dataset<Row> truth = table(TRUTH, "a", "p1");
    Dataset<Row> map = table(MAP, "b", "X");
    assertEquals("no truth record is in the earlier identity map; nothing to follow", assertThrows(
        IllegalArgumentException.class, () -> IdStability.measure(truth, map, map)).getMessage());
  }
}
