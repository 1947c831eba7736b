package dev.cdi.gold;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.to_date;

import dev.cdi.io.Columns.EventMap;
import dev.cdi.io.Columns.Events;
import dev.cdi.io.Columns.IdHistory;
import dev.cdi.io.Columns.Identities;
import dev.cdi.io.Columns.IdentityMap;
import dev.cdi.io.DeltaIO;
import dev.cdi.io.DeltaIO.RowChanges;
import dev.cdi.io.Lakehouse;
import dev.cdi.io.TableId;
import dev.cdi.io.Tables;
import dev.cdi.pipeline.FaultInjection;
import dev.cdi.pipeline.RunContext;
import dev.cdi.silver.EventSchema;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** Reads the silver and identity tables for {@link GoldJob} and writes the gold tables; the only I/O of gold. */
final class GoldTables {

  static final String ROW_HASH = "row_hash";
  static final String RUN_ID = "run_id";
  private static final Map<String, String> PROPERTIES = Map.of("delta.enableChangeDataFeed", "true");
  private static final StructType EVENT_MAP = new StructType().add(EventMap.EVENT_KEY, DataTypes.StringType)
      .add(EventMap.CUSTOMER_ID, DataTypes.StringType).add(EventMap.RESOLVED_BY, DataTypes.StringType);
  private static final StructType ID_HISTORY = new StructType().add(IdHistory.OLD_ID, DataTypes.StringType)
      .add(IdHistory.NEW_ID, DataTypes.StringType).add(IdHistory.REASON, DataTypes.StringType);

  private final SparkSession spark;
  private final Lakehouse lakehouse;
  private final RunContext run;

  GoldTables(SparkSession spark, Lakehouse lakehouse, RunContext run) {
    this.spark = spark;
    this.lakehouse = lakehouse;
    this.run = run;
  }

  /**
   * The inputs, each pinned to the version current now (so the whole run reads one snapshot even if resolve
   * writes meanwhile).
   *
   * @param identities silver identity records
   * @param events     silver events (empty when no source maps events)
   * @param map        the identity map
   * @param eventMap   the events tied to customers (empty when there are none)
   * @param idHistory  retired and split-off customer ids (empty before any)
   */
  record Inputs(Dataset<Row> identities, Dataset<Row> events, Dataset<Row> map, Dataset<Row> eventMap,
                Dataset<Row> idHistory) {
  }

  Inputs read() {
    Dataset<Row> identities = required(Tables.SILVER_IDENTITIES, "standardize");
    Dataset<Row> map = required(Tables.IDENTITY_MAP, "resolve");
    return new Inputs(identities, optional(Tables.SILVER_EVENTS, EventSchema.STANDARDIZED
            .add(Events.ATTRIBUTES, DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType))),
        map, optional(Tables.IDENTITY_EVENT_MAP, EVENT_MAP), optional(Tables.IDENTITY_ID_HISTORY, ID_HISTORY));
  }

  /**
   * The date traits are computed as of: the newest event date in silver, else the newest record update, else
   * 1970-01-01. It depends on the data only, so a rerun on the same data computes the same traits.
   */
  LocalDate asOfDate(Inputs in) {
    Row events = in.events().agg(max(Events.EVENT_DATE)).first();
    Row records = in.identities().agg(max(to_date(col(Identities.UPDATED_AT)))).first();
    java.sql.Date newest = !events.isNullAt(0) ? events.getDate(0) : !records.isNullAt(0) ? records.getDate(0) : null;
    return newest == null ? LocalDate.EPOCH : newest.toLocalDate();
  }

  /**
   * Makes a gold table hold exactly {@code rows} (one per {@code key}) by MERGE: rows whose content hash changed
   * are updated (and stamped with this run), new keys inserted, keys no longer produced deleted; unchanged rows are
   * left alone. When the keys and hashes equal the table's (one join by key), nothing is written and the table
   * keeps its version. Creates the table on first use, with the change data feed on.
   */
  RowChanges write(TableId table, Dataset<Row> rows, String key, String partitionColumn) {
    Dataset<Row> stamped = RowHash.append(rows, ROW_HASH).withColumn(RUN_ID, lit(run.runId()));
    String path = lakehouse.path(table);
    if (DeltaIO.exists(spark, path) && sameContent(stamped, DeltaIO.read(spark, path), key)) {
      return new RowChanges(DeltaIO.latestVersion(spark, path), 0, 0, 0);
    }
    DeltaIO.createIfAbsent(spark, path, stamped.schema(), partitionColumn, PROPERTIES);
    DeltaIO.sync(stamped, path, key, "t." + ROW_HASH + " <> s." + ROW_HASH);
    FaultInjection.reach("build-gold.written:" + table.name());
    return DeltaIO.lastChanges(spark, path);
  }

  /** Whether both hold the same keys with the same row hashes (one full outer join by key). */
  private static boolean sameContent(Dataset<Row> next, Dataset<Row> current, String key) {
    Dataset<Row> n = next.select(col(key).as("_n_key"), col(ROW_HASH).as("_n_hash"));
    Dataset<Row> c = current.select(col(key).as("_c_key"), col(ROW_HASH).as("_c_hash"));
    return n.join(c, col("_n_key").equalTo(col("_c_key")), "full_outer")
        .where(not(col("_n_hash").eqNullSafe(col("_c_hash")))).isEmpty();
  }

  /** Compacts and Z-orders a gold table by {@code columns}; returns the new version. */
  long zOrder(TableId table, String... columns) {
    return DeltaIO.optimize(spark, lakehouse.path(table), columns);
  }

  /** Compacts a gold table's small files (bin-packing within partitions); returns the new version. */
  long compact(TableId table) {
    return DeltaIO.compact(spark, lakehouse.path(table));
  }

  private Dataset<Row> required(TableId table, String command) {
    String path = lakehouse.path(table);
    if (!DeltaIO.exists(spark, path)) {
      throw new IllegalStateException("no " + table.layer() + "/" + table.name() + " table under " + lakehouse.root()
          + "; run `" + command + "` first");
    }
    return DeltaIO.readVersion(spark, path, DeltaIO.latestVersion(spark, path));
  }

  private Dataset<Row> optional(TableId table, StructType empty) {
    String path = lakehouse.path(table);
    return DeltaIO.exists(spark, path) ? DeltaIO.readVersion(spark, path, DeltaIO.latestVersion(spark, path))
        : spark.createDataFrame(List.of(), empty);
  }

  /** Keeps only the identity-map columns gold uses. */
  static Dataset<Row> mapColumns(Dataset<Row> map) {
    return map.select(IdentityMap.RECORD_KEY, IdentityMap.CUSTOMER_ID);
  }
}
