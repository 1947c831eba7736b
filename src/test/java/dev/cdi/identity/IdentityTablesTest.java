package dev.cdi.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cdi.io.DeltaIO;
import dev.cdi.io.Lakehouse;
import dev.cdi.io.Tables;
import dev.cdi.pipeline.RunContext;
import dev.cdi.testing.SharedSpark;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdentityTablesTest {

  private static final StructType MAP = new StructType().add("record_key", DataTypes.StringType)
      .add("customer_id", DataTypes.StringType);

  private final SparkSession spark = SharedSpark.session();

  @Test
  void thePreviousMapKeepsTheVersionItWasReadAtWhenTheMapIsRewritten(@TempDir Path dir) {
    Lakehouse lakehouse = new Lakehouse(dir.toString());
    String path = lakehouse.path(Tables.IDENTITY_MAP);
    DeltaIO.overwrite(map("a", "X", "b", "X"), path);
    Dataset<Row> previous = new IdentityTables(spark, lakehouse, new RunContext("r2", Instant.now(), lakehouse))
        .previousMap();

    DeltaIO.overwrite(map("a", "Y", "b", "Y", "c", "Y"), path);

    assertEquals(List.of("a X", "b X"), previous.orderBy("record_key").collectAsList().stream()
        .map(r -> r.getString(0) + " " + r.getString(1)).toList());
  }

  private Dataset<Row> map(String... keyAndId) {
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < keyAndId.length; i += 2) {
      rows.add(RowFactory.create(keyAndId[i], keyAndId[i + 1]));
    }
    return spark.createDataFrame(rows, MAP);
  }
}
