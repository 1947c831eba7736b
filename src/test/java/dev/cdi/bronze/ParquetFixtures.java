package dev.cdi.bronze;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/** Writes single Parquet files for bronze tests (Spark writes a folder; the test needs one file). */
final class ParquetFixtures {

  private ParquetFixtures() {
  }

  /** Writes {@code rows} as one Parquet file at {@code target}, using {@code scratch} as Spark's output folder. */
  static Path write(SparkSession spark, List<Row> rows, StructType schema, Path scratch, Path target)
      throws IOException {
    spark.createDataFrame(rows, schema).coalesce(1).write().parquet(scratch.toString());
    try (var files = Files.list(scratch)) {
      Path part = files.filter(p -> p.getFileName().toString().endsWith(".parquet")).findFirst().orElseThrow();
      Files.createDirectories(target.getParent());
      return Files.copy(part, target);
    }
  }
}
