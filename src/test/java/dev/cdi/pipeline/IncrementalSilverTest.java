package dev.cdi.pipeline;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cdi.cli.CdiCommand;
import dev.cdi.io.DeltaIO;
import dev.cdi.io.Lakehouse;
import dev.cdi.io.TableId;
import dev.cdi.io.Tables;
import dev.cdi.testing.SharedSpark;
import io.delta.tables.DeltaTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.MapType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Silver built in two increments (the second read through the change data feed) equals silver built at once,
 * and redoing a standardize whose log entry was lost (a crash after the MERGE) changes nothing.
 */
class IncrementalSilverTest {

  private final SparkSession spark = SharedSpark.session();

  @Test
  void incrementalEqualsFullAndReplayIsHarmless(@TempDir Path dir) throws IOException {
    Path raw = dir.resolve("raw");
    assertEquals(0, CdiCommand.execute("generate", "--customers", "100", "--seed", "11", "--out", raw.toString(),
        "--persons-per-partition", "50"));
    Path staged = dir.resolve("staged");
    copyParts(raw, staged, "part-00000");
    Lakehouse incremental = new Lakehouse(dir.resolve("inc").toString());
    assertEquals(0, run(staged, incremental, "inc-1"));
    copyParts(raw, staged, "part-00001");
    assertEquals(0, run(staged, incremental, "inc-2"));

    Lakehouse full = new Lakehouse(dir.resolve("full").toString());
    assertEquals(0, run(raw, full, "full-1"));

    assertSameRows(full, incremental, Tables.SILVER_IDENTITIES);
    assertSameRows(full, incremental, Tables.SILVER_EVENTS);

    DeltaTable.forPath(spark, incremental.path(Tables.SILVER_STANDARDIZE_LOG)).delete(col("run_id").equalTo("inc-2"));
    assertEquals(0, CdiCommand.execute("standardize", "--conf", "conf/pipeline.yaml", "--input", staged.toString(),
        "--lakehouse", incremental.root(), "--run-id", "inc-3"));
    assertSameRows(full, incremental, Tables.SILVER_IDENTITIES);
    assertSameRows(full, incremental, Tables.SILVER_EVENTS);
  }

  /** Ingests and standardizes (silver is all this test compares; resolve and gold would only add time). */
  private static int run(Path input, Lakehouse lake, String runId) {
    for (String stage : new String[] {"ingest", "standardize"}) {
      int code = CdiCommand.execute(stage, "--conf", "conf/pipeline.yaml", "--input", input.toString(),
          "--lakehouse", lake.root(), "--run-id", runId);
      if (code != 0) {
        return code;
      }
    }
    return 0;
  }

  private static void copyParts(Path from, Path to, String part) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path file : files.filter(f -> f.getFileName().toString().startsWith(part)).toList()) {
        Path target = to.resolve(from.relativize(file));
        Files.createDirectories(target.getParent());
        Files.copy(file, target);
      }
    }
  }

  /** Same rows, ignoring lineage that names the input folder and the ingest time. */
  private void assertSameRows(Lakehouse expected, Lakehouse actual, TableId table) {
    Dataset<Row> want = business(DeltaIO.read(spark, expected.path(table)));
    Dataset<Row> got = business(DeltaIO.read(spark, actual.path(table)));
    assertEquals(want.count(), got.count(), table + " row count");
    assertEquals(0, want.exceptAll(got).count(), table + " rows missing from the incremental build");
    assertEquals(0, got.exceptAll(want).count(), table + " rows only in the incremental build");
  }

  private static Dataset<Row> business(Dataset<Row> data) {
    return data.selectExpr(Arrays.stream(data.schema().fields())
        .filter(f -> !f.name().equals("_source_file") && !f.name().equals("_ingested_at"))
        .map(f -> f.dataType() instanceof MapType
            ? "to_json(array_sort(map_entries(`" + f.name() + "`))) AS `" + f.name() + "`" : "`" + f.name() + "`")
        .toArray(String[]::new));
  }
}
