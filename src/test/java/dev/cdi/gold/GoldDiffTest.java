package dev.cdi.gold;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cdi.testing.SharedSpark;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class GoldDiffTest {

  private static final StructType SCHEMA = new StructType().add("customer_id", DataTypes.StringType)
      .add("revenue", DataTypes.IntegerType).add("row_hash", DataTypes.StringType);
  private final SparkSession spark = SharedSpark.session();

  private Dataset<Row> table(Object[]... rows) {
    return spark.createDataFrame(List.of(rows).stream().map(RowFactory::create).toList(), SCHEMA);
  }

  @Test
  void classifiesEveryKeyOfEitherSide() {
    Dataset<Row> left = table(new Object[] {"C1", 10, "h1"}, new Object[] {"C2", 20, "h2"},
        new Object[] {"C3", 30, "h3"});
    Dataset<Row> right = table(new Object[] {"C1", 99, "h1"}, new Object[] {"C2", 21, "h2x"},
        new Object[] {"C4", 40, "h4"});
    List<String> rows = GoldDiff.compare(left, right, "customer_id").orderBy(GoldDiff.KEY).collectAsList().stream()
        .map(Row::toString).toList();
    assertEquals(List.of("[C1,h1,h1,same]", "[C2,h2,h2x,changed]", "[C3,h3,null,only_left]",
        "[C4,null,h4,only_right]"), rows, "only the row hash decides; other columns are not compared");
    assertEquals(List.of(GoldDiff.KEY, GoldDiff.LEFT_HASH, GoldDiff.RIGHT_HASH, GoldDiff.STATUS),
        List.of(GoldDiff.compare(left, right, "customer_id").columns()));
  }

  @Test
  void checksTheColumnsBeforeAnySparkJob() {
    Dataset<Row> noHash = table().drop("row_hash");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> GoldDiff.compare(noHash, table(), "customer_id"));
    assertEquals("left table is missing required column(s) [row_hash]; it has [customer_id, revenue]", e.getMessage());
  }
}
