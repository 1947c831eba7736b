package dev.cdi.silver;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.max;

import dev.cdi.io.DeltaIO;
import dev.cdi.io.Lakehouse;
import dev.cdi.io.Tables;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Reads and appends {@code silver/_standardize_log}: per source, the bronze version whose rows silver holds. The
 * next {@code standardize} reads the bronze rows inserted after it. Erasure records the bronze version it leaves,
 * since it removed the same rows from bronze and silver and cut the bronze history before it.
 */
public final class StandardizeLog {

  private static final StructType SCHEMA = new StructType().add("source", DataTypes.StringType)
      .add("bronze_version", DataTypes.LongType).add("run_id", DataTypes.StringType)
      .add("logged_at", DataTypes.TimestampType);

  private final SparkSession spark;
  private final String path;

  public StandardizeLog(SparkSession spark, Lakehouse lakehouse) {
    this.spark = spark;
    this.path = lakehouse.path(Tables.SILVER_STANDARDIZE_LOG);
  }

  /** The bronze version of {@code source} that silver holds, or -1 before the first standardize. */
  public long consumedVersion(String source) {
    return DeltaIO.readIfExists(spark, path)
        .map(log -> log.where(col("source").equalTo(source)).agg(max("bronze_version")).first())
        .filter(row -> !row.isNullAt(0)).map(row -> row.getLong(0)).orElse(-1L);
  }

  /** Records that silver holds bronze {@code source} up to {@code bronzeVersion}. */
  public void record(String source, long bronzeVersion, String runId) {
    DeltaIO.append(spark.createDataFrame(List.of(RowFactory.create(source, bronzeVersion, runId,
        Timestamp.from(Instant.now()))), SCHEMA), path, DeltaIO.AppendSpec.plain());
  }
}
