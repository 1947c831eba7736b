package dev.cdi.io;

import static org.apache.spark.sql.functions.col;

import io.delta.tables.DeltaTable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.delta.DeltaLog;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import scala.Option;

/**
 * The only place that reads and writes Delta tables. Appends can be made idempotent with Delta's transaction
 * identifiers ({@code txnAppId}/{@code txnVersion}): Delta skips an append whose application id already
 * committed that version or a later one, which makes a replayed batch after a crash a no-op.
 */
public final class DeltaIO {

  private DeltaIO() {
  }

  /**
   * How to append.
   *
   * @param partitionColumn column to partition a new table by, or {@code null}
   * @param mergeSchema     whether new columns may be added to the table
   * @param txnAppId        idempotency application id, or {@code null} for a plain append
   * @param txnVersion      idempotency version (monotonic per application id)
   */
  public record AppendSpec(String partitionColumn, boolean mergeSchema, String txnAppId, long txnVersion) {

    public static AppendSpec plain() {
      return new AppendSpec(null, false, null, 0);
    }

    public AppendSpec partitionedBy(String column) {
      return new AppendSpec(column, mergeSchema, txnAppId, txnVersion);
    }

    public AppendSpec withSchemaMerge() {
      return new AppendSpec(partitionColumn, true, txnAppId, txnVersion);
    }

    public AppendSpec idempotent(String appId, long version) {
      return new AppendSpec(partitionColumn, mergeSchema, appId, version);
    }
  }

  public static boolean exists(SparkSession spark, String path) {
    return DeltaTable.isDeltaTable(spark, path);
  }

  public static Dataset<Row> read(SparkSession spark, String path) {
    return spark.read().format("delta").load(path);
  }

  /** The table, or empty when nothing has been written at {@code path} yet. */
  public static Optional<Dataset<Row>> readIfExists(SparkSession spark, String path) {
    return exists(spark, path) ? Optional.of(read(spark, path)) : Optional.empty();
  }

  /** Appends {@code data} and returns the table's version afterwards. */
  public static long append(Dataset<Row> data, String path, AppendSpec spec) {
    var writer = data.write().format("delta").mode(SaveMode.Append);
    if (spec.partitionColumn() != null) {
      writer = writer.partitionBy(spec.partitionColumn());
    }
    if (spec.mergeSchema()) {
      writer = writer.option("mergeSchema", "true");
    }
    if (spec.txnAppId() != null) {
      writer = writer.option("txnAppId", spec.txnAppId()).option("txnVersion", spec.txnVersion());
    }
    writer.save(path);
    return latestVersion(data.sparkSession(), path);
  }

  /** The table as of {@code version} (time travel), for reading a consistent snapshot. */
  public static Dataset<Row> readVersion(SparkSession spark, String path, long version) {
    return spark.read().format("delta").option("versionAsOf", version).load(path);
  }

  /**
   * Rows inserted in versions {@code (afterVersion, upToVersion]}, from the table's change data feed (enabled
   * on every table the engine creates). Change-feed metadata columns are dropped.
   */
  public static Dataset<Row> readInserts(SparkSession spark, String path, long afterVersion, long upToVersion) {
    return spark.read().format("delta").option("readChangeFeed", "true")
        .option("startingVersion", afterVersion + 1).option("endingVersion", upToVersion).load(path)
        .where(col("_change_type").equalTo("insert"))
        .drop("_change_type", "_commit_version", "_commit_timestamp");
  }

  /**
   * Upserts {@code data} (at most one row per key) into the table at {@code path}, creating it on first use.
   * Matched rows are replaced when {@code replaceWhen} holds (a SQL condition over {@code t} = target and
   * {@code s} = source, or {@code null} for always); unmatched rows are inserted. Rerunning the same upsert
   * leaves the same rows, which is what makes a replayed stage safe.
   *
   * @return the table version afterwards
   */
  public static long upsert(Dataset<Row> data, String path, String key, String replaceWhen) {
    SparkSession spark = data.sparkSession();
    if (!exists(spark, path)) {
      return append(data, path, AppendSpec.plain());
    }
    var merge = DeltaTable.forPath(spark, path).as("t").merge(data.as("s"), "t.`" + key + "` = s.`" + key + "`");
    var matched = replaceWhen == null ? merge.whenMatched() : merge.whenMatched(replaceWhen);
    matched.updateAll().whenNotMatched().insertAll().execute();
    return latestVersion(spark, path);
  }

  /**
   * Makes the table at {@code path} hold exactly {@code data} (one row per key) with the fewest changes: rows
   * whose {@code changedWhen} holds (a SQL condition over {@code t} and {@code s}) are updated, new keys inserted,
   * keys absent from {@code data} deleted, and unchanged rows left alone, so the change data feed shows only real
   * changes and a rerun on the same data commits an empty change.
   *
   * @return the table version afterwards
   */
  public static long sync(Dataset<Row> data, String path, String key, String changedWhen) {
    SparkSession spark = data.sparkSession();
    if (!exists(spark, path)) {
      return append(data, path, AppendSpec.plain());
    }
    DeltaTable.forPath(spark, path).as("t").merge(data.as("s"), "t.`" + key + "` = s.`" + key + "`")
        .whenMatched(changedWhen).updateAll()
        .whenNotMatched().insertAll()
        .whenNotMatchedBySource().delete()
        .execute();
    return latestVersion(spark, path);
  }

  /**
   * Deletes the rows for which {@code condition} holds (a deterministic expression over the table's columns).
   * Delta records the condition's SQL text in the commit, so it should hold no literal values worth hiding: a UDF
   * that keeps its parameters to itself, or column comparisons.
   *
   * @return the table version afterwards
   */
  public static long deleteWhere(SparkSession spark, String path, Column condition) {
    DeltaTable.forPath(spark, path).delete(condition);
    return latestVersion(spark, path);
  }

  /** Replaces the table's rows with {@code data} (a new version; older ones stay readable by time travel). */
  public static long overwrite(Dataset<Row> data, String path) {
    data.write().format("delta").mode(SaveMode.Overwrite).option("overwriteSchema", "true").save(path);
    return latestVersion(data.sparkSession(), path);
  }

  /** Inserts the rows of {@code data} whose {@code keys} are not in the table yet (an idempotent append). */
  public static long insertNew(Dataset<Row> data, String path, List<String> keys) {
    SparkSession spark = data.sparkSession();
    if (!exists(spark, path)) {
      return append(data, path, AppendSpec.plain());
    }
    String on = keys.stream().map(k -> "t.`" + k + "` <=> s.`" + k + "`").collect(Collectors.joining(" AND "));
    DeltaTable.forPath(spark, path).as("t").merge(data.as("s"), on).whenNotMatched().insertAll().execute();
    return latestVersion(spark, path);
  }

  /**
   * Creates an empty table at {@code path} unless one exists: every column nullable, partitioned by
   * {@code partitionColumn} (or not, when null), with the given table properties.
   */
  public static void createIfAbsent(SparkSession spark, String path, StructType schema, String partitionColumn,
                                    Map<String, String> properties) {
    if (exists(spark, path)) {
      return;
    }
    org.apache.hadoop.fs.Path location = new org.apache.hadoop.fs.Path(path);
    String qualified;
    try {
      qualified = location.getFileSystem(spark.sparkContext().hadoopConfiguration()).makeQualified(location).toString();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("cannot resolve the table location " + path, e);
    }
    var builder = DeltaTable.createIfNotExists(spark).location(qualified);
    for (StructField field : schema.fields()) {
      builder = builder.addColumn(DeltaTable.columnBuilder(spark, field.name()).dataType(nullable(field.dataType()))
          .nullable(true).build());
    }
    if (partitionColumn != null) {
      builder = builder.partitionedBy(partitionColumn);
    }
    for (Map.Entry<String, String> property : properties.entrySet()) {
      builder = builder.property(property.getKey(), property.getValue());
    }
    builder.execute();
  }

  /** {@code type} with every nested field, array element and map value nullable (Delta enforces no nested NOT NULL). */
  private static DataType nullable(DataType type) {
    if (type instanceof StructType struct) {
      StructType out = new StructType();
      for (StructField field : struct.fields()) {
        out = out.add(field.name(), nullable(field.dataType()), true);
      }
      return out;
    }
    if (type instanceof ArrayType array) {
      return DataTypes.createArrayType(nullable(array.elementType()), true);
    }
    if (type instanceof MapType map) {
      return DataTypes.createMapType(nullable(map.keyType()), nullable(map.valueType()), true);
    }
    return type;
  }

  /**
   * Rows a table's latest commit inserted, updated and deleted, from its operation metrics (zero when the commit
   * has none of them, as a table creation).
   *
   * @param version the table version the counts belong to
   */
  public record RowChanges(long version, long inserted, long updated, long deleted) {

    public boolean none() {
      return inserted == 0 && updated == 0 && deleted == 0;
    }
  }

  /** What the latest commit of the table at {@code path} changed. */
  public static RowChanges lastChanges(SparkSession spark, String path) {
    Row last = DeltaTable.forPath(spark, path).history(1).select("version", "operationMetrics").first();
    scala.collection.Map<String, String> metrics = last.getMap(1);
    return new RowChanges(last.getLong(0), metric(metrics, "numTargetRowsInserted"),
        metric(metrics, "numTargetRowsUpdated"), metric(metrics, "numTargetRowsDeleted"));
  }

  private static long metric(scala.collection.Map<String, String> metrics, String name) {
    Option<String> value = metrics.get(name);
    return value.isDefined() ? Long.parseLong(value.get()) : 0;
  }

  /** Compacts the table's small files and Z-orders them by {@code columns} (Delta OPTIMIZE ... ZORDER BY). */
  public static long optimize(SparkSession spark, String path, String... columns) {
    DeltaTable.forPath(spark, path).optimize().executeZOrderBy(columns);
    return latestVersion(spark, path);
  }

  /** Compacts the table's small files within each partition (Delta OPTIMIZE without Z-order). */
  public static long compact(SparkSession spark, String path) {
    DeltaTable.forPath(spark, path).optimize().executeCompaction();
    return latestVersion(spark, path);
  }

  /** The operations (as Delta names them: WRITE, MERGE, DELETE, VACUUM END ...) of the commits after {@code version}. */
  public static List<String> operationsAfter(SparkSession spark, String path, long version) {
    return DeltaTable.forPath(spark, path).history().where(col("version").gt(version)).select("operation")
        .collectAsList().stream().map(r -> r.getString(0)).toList();
  }

  /** The latest committed version of the table at {@code path}, or -1 if there is none. */
  public static long latestVersion(SparkSession spark, String path) {
    DeltaLog log = DeltaLog.forTable(spark, path);
    long version = log.update(false, Option.empty(), Option.empty()).version();
    return version < 0 ? -1 : version;
  }
}
