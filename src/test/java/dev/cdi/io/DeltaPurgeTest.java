package dev.cdi.io;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cdi.testing.LakehouseScan;
import dev.cdi.testing.SharedSpark;
import io.delta.tables.DeltaTable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A deleted row is gone from every file of a table with deletion vectors and a change data feed after a purge. */
class DeltaPurgeTest {

  private static final String SECRET = "zz-secret-7f3a9c@example.com";
  private static final StructType SCHEMA = new StructType().add("id", DataTypes.StringType)
      .add("email", DataTypes.StringType);

  private final SparkSession spark = SharedSpark.session();
  @TempDir
  Path dir;

  @Test
  void purgeRewritesDeletionVectorsVacuumsAndCutsHistory() {
    String path = dir.resolve("t").toString();
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      rows.add(RowFactory.create("id" + i, i == 7 ? SECRET : "user" + i + "@x.com"));
    }
    spark.createDataFrame(rows, SCHEMA).coalesce(1).write().format("delta")
        .option("delta.enableDeletionVectors", "true").option("delta.enableChangeDataFeed", "true").save(path);
    DeltaTable.forPath(spark, path).as("t").merge(spark.createDataFrame(List.of(RowFactory.create("id3",
        "new3@x.com")), SCHEMA).as("s"), "t.id = s.id").whenMatched().updateAll().execute();
    DeltaIO.deleteWhere(spark, path, col("email").equalTo(SECRET));
    assertTrue(DeltaPurge.deletionVectorsEnabled(spark, path));
    assertFalse(filesContaining(SECRET).isEmpty(), "before the purge, files hold the deleted value");

    DeltaPurge.Purged purged = DeltaPurge.purge(spark, path, 0);

    assertTrue(purged.reorganized());
    assertTrue(purged.filesDeleted() > 0 && purged.logFilesDeleted() > 0, purged.toString());
    assertEquals(List.of(), filesContaining(SECRET));
    assertEquals(19, DeltaIO.read(spark, path).count());
    assertEquals("new3@x.com", DeltaIO.read(spark, path).where(col("id").equalTo("id3")).first().getString(1));
    assertThrows(Exception.class, () -> DeltaIO.readVersion(spark, path, 0).count());
    assertEquals(purged.version(), DeltaTable.forPath(spark, path).history().agg(
        org.apache.spark.sql.functions.min("version")).first().getLong(0));
    assertEquals("true", spark.conf().get("spark.databricks.delta.retentionDurationCheck.enabled", "true"),
        "the retention check is restored");
    DeltaIO.append(spark.createDataFrame(List.of(RowFactory.create("id99", "late@x.com")), SCHEMA), path,
        DeltaIO.AppendSpec.plain());
    assertEquals(1, DeltaIO.readInserts(spark, path, purged.version(), DeltaIO.latestVersion(spark, path)).count(),
        "the change feed works from the purged version on");
  }

  private List<LakehouseScan.Hit> filesContaining(String text) {
    return LakehouseScan.find(dir, List.of(text));
  }
}
