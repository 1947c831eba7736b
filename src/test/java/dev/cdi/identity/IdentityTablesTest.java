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

  @Test
  void edgesHoldLinksAndVetoedIdentifierPairsButNotRejectedFuzzyCandidates(@TempDir Path dir) {
    Lakehouse lakehouse = new Lakehouse(dir.toString());
    IdentityTables tables = new IdentityTables(spark, lakehouse, new RunContext("r1", Instant.now(), lakehouse));
    StructType decidedSchema = new StructType().add("left_id", DataTypes.LongType).add("right_id", DataTypes.LongType)
        .add("identifiers", DataTypes.createArrayType(DataTypes.StringType))
        .add("match_probability", DataTypes.DoubleType).add("match_weight", DataTypes.DoubleType)
        .add("levels", DataTypes.createMapType(DataTypes.StringType, DataTypes.IntegerType))
        .add("weights", DataTypes.createMapType(DataTypes.StringType, DataTypes.DoubleType))
        .add("conflict", DataTypes.BooleanType).add("rule", DataTypes.StringType).add("link", DataTypes.BooleanType);
    Dataset<Row> decided = spark.createDataFrame(List.of(
        RowFactory.create(1L, 2L, List.of("email"), 0.99, 9.0, null, null, false, "identifier:email", true),
        RowFactory.create(1L, 3L, List.of("email"), 0.1, -3.0, null, null, true, "identifier:email", false),
        RowFactory.create(2L, 3L, null, 0.2, -2.0, null, null, true, "fuzzy", false),
        RowFactory.create(1L, 4L, null, 0.5, 1.0, null, null, false, "fuzzy", false)), decidedSchema);
    Dataset<Row> records = spark.createDataFrame(List.of(RowFactory.create(1L, "a"), RowFactory.create(2L, "b"),
        RowFactory.create(3L, "c"), RowFactory.create(4L, "d")), new StructType().add("node_id", DataTypes.LongType)
        .add("record_key", DataTypes.StringType));

    tables.writeEdges(decided, records, map("a", "X", "b", "X", "c", "Y", "d", "Z"));

    assertEquals(List.of("a b link identifier:email true", "a c conflict identifier:email false"),
        DeltaIO.read(spark, lakehouse.path(Tables.IDENTITY_EDGES)).orderBy("left_key", "right_key").collectAsList()
            .stream().map(r -> r.getAs("left_key") + " " + r.getAs("right_key") + " " + r.getAs("decision") + " "
                + r.getAs("rule") + " " + r.getAs("kept")).toList());
  }

  private Dataset<Row> map(String... keyAndId) {
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < keyAndId.length; i += 2) {
      rows.add(RowFactory.create(keyAndId[i], keyAndId[i + 1]));
    }
    return spark.createDataFrame(rows, MAP);
  }
}
