package dev.cdi.identity;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import dev.cdi.identity.link.IdentifierLinks;
import dev.cdi.identity.score.ScoreColumns;
import dev.cdi.io.Columns.EventMap;
import dev.cdi.io.Columns.Edges;
import dev.cdi.io.Columns.IdHistory;
import dev.cdi.io.Columns.IdentityMap;
import dev.cdi.io.DeltaIO;
import dev.cdi.io.Lakehouse;
import dev.cdi.io.Tables;
import dev.cdi.pipeline.RunContext;
import dev.cdi.silver.EventSchema;
import java.sql.Timestamp;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** Reads and writes the {@code identity/*} tables for {@link ResolveJob}; the only I/O of identity resolution. */
final class IdentityTables {

  private static final StructType MAP = new StructType().add(IdentityMap.RECORD_KEY, DataTypes.StringType)
      .add(IdentityMap.CUSTOMER_ID, DataTypes.StringType);
  private static final StructType RUNS = new StructType().add("run_id", DataTypes.StringType)
      .add("records", DataTypes.LongType).add("identifier_pairs", DataTypes.LongType)
      .add("candidate_pairs", DataTypes.LongType).add("links", DataTypes.LongType)
      .add("conflicts", DataTypes.LongType).add("excluded_values", DataTypes.LongType)
      .add("cc_iterations", DataTypes.IntegerType).add("resplit_components", DataTypes.LongType)
      .add("customers", DataTypes.LongType).add("id_history_rows", DataTypes.LongType)
      .add("events_resolved", DataTypes.LongType).add("lambda", DataTypes.DoubleType)
      .add("em_iterations", DataTypes.IntegerType).add("seconds", DataTypes.DoubleType)
      .add("finished_at", DataTypes.TimestampType);

  private final SparkSession spark;
  private final Lakehouse lakehouse;
  private final RunContext run;

  IdentityTables(SparkSession spark, Lakehouse lakehouse, RunContext run) {
    this.spark = spark;
    this.lakehouse = lakehouse;
    this.run = run;
  }

  /**
   * The previous map's record key and customer id (empty on the first run), pinned to the table version current
   * now. A Delta table read by path is otherwise read again at its latest version by every action, and the id
   * history and the assignments, which are computed from the previous map lazily, are evaluated again after
   * {@link #writeMap}: unpinned, they would compare the clusters with the map just written.
   */
  Dataset<Row> previousMap() {
    String path = lakehouse.path(Tables.IDENTITY_MAP);
    if (!DeltaIO.exists(spark, path)) {
      return spark.createDataFrame(List.of(), MAP);
    }
    return DeltaIO.readVersion(spark, path, DeltaIO.latestVersion(spark, path))
        .select(IdentityMap.RECORD_KEY, IdentityMap.CUSTOMER_ID);
  }

  /** MERGEs the new assignment: changed customer ids are updated, new records inserted, vanished ones deleted. */
  void writeMap(Dataset<Row> assignments, Dataset<Row> records) {
    Dataset<Row> rows = assignments.join(records.select(IdentityMap.RECORD_KEY, IdentityMap.SOURCE,
            IdentityMap.SOURCE_RECORD_ID), IdentityMap.RECORD_KEY)
        .select(col(IdentityMap.RECORD_KEY), col(IdentityMap.SOURCE), col(IdentityMap.SOURCE_RECORD_ID),
            col(IdentityMap.CUSTOMER_ID), lit(run.runId()).as(IdentityMap.RUN_ID), now().as(IdentityMap.CHANGED_AT));
    DeltaIO.sync(rows, lakehouse.path(Tables.IDENTITY_MAP), IdentityMap.RECORD_KEY,
        "t." + IdentityMap.CUSTOMER_ID + " <> s." + IdentityMap.CUSTOMER_ID);
  }

  /** Appends history rows not written yet (keyed by old id, new id and run); returns this run's row count. */
  long writeHistory(Dataset<Row> history) {
    Dataset<Row> rows = history.withColumn(IdHistory.RUN_ID, lit(run.runId()))
        .withColumn(IdHistory.CHANGED_AT, now());
    DeltaIO.insertNew(rows, lakehouse.path(Tables.IDENTITY_ID_HISTORY),
        List.of(IdHistory.OLD_ID, IdHistory.NEW_ID, IdHistory.RUN_ID));
    return DeltaIO.read(spark, lakehouse.path(Tables.IDENTITY_ID_HISTORY))
        .where(col(IdHistory.RUN_ID).equalTo(run.runId())).count();
  }

  /**
   * Every link, and every pair that shares an identifier but a conflict rule vetoed, with its evidence; {@code
   * kept}: both records ended in one customer. Fuzzy candidates a conflict rule rejected are not written: they are
   * most of the candidates (namesakes and relatives the blocking proposes) and explain no customer.
   */
  void writeEdges(Dataset<Row> decided, Dataset<Row> records, Dataset<Row> assignments) {
    Dataset<Row> keys = records.select(col(IdentityRecords.NODE_ID), col(IdentityMap.RECORD_KEY))
        .join(assignments, IdentityMap.RECORD_KEY);
    Dataset<Row> l = keys.select(col(IdentityRecords.NODE_ID).as("l_node"), col(IdentityMap.RECORD_KEY).as(
        Edges.LEFT_KEY), col(IdentityMap.CUSTOMER_ID).as("l_customer"));
    Dataset<Row> r = keys.select(col(IdentityRecords.NODE_ID).as("r_node"), col(IdentityMap.RECORD_KEY).as(
        Edges.RIGHT_KEY), col(IdentityMap.CUSTOMER_ID).as("r_customer"));
    Dataset<Row> edges = decided.where(col(LinkDecisions.LINK).or(col(LinkDecisions.CONFLICT)
            .and(col(IdentifierLinks.IDENTIFIERS).isNotNull())))
        .join(l, col(IdentifierLinks.LEFT_ID).equalTo(col("l_node")))
        .join(r, col(IdentifierLinks.RIGHT_ID).equalTo(col("r_node")))
        .select(col(Edges.LEFT_KEY), col(Edges.RIGHT_KEY),
            when(col(LinkDecisions.CONFLICT), lit("conflict")).otherwise(lit("link"))
                .as(Edges.DECISION),
            col(LinkDecisions.RULE).as(Edges.RULE), col(IdentifierLinks.IDENTIFIERS).as(Edges.IDENTIFIERS),
            col(ScoreColumns.Scores.MATCH_PROBABILITY).as(Edges.MATCH_PROBABILITY),
            col(ScoreColumns.Scores.MATCH_WEIGHT).as(Edges.MATCH_WEIGHT),
            col(ScoreColumns.Scores.LEVELS).as(Edges.LEVELS), col(ScoreColumns.Scores.WEIGHTS).as(Edges.WEIGHTS),
            col("l_customer").equalTo(col("r_customer")).as(Edges.KEPT), lit(run.runId()).as(Edges.RUN_ID));
    DeltaIO.overwrite(edges, lakehouse.path(Tables.IDENTITY_EDGES));
  }

  /** Replaces the list of blocked and hub values; returns how many there are. */
  long writeExcluded(Dataset<Row> excluded) {
    DeltaIO.overwrite(excluded.withColumn("run_id", lit(run.runId())), lakehouse.path(Tables.IDENTITY_HUBS));
    return DeltaIO.read(spark, lakehouse.path(Tables.IDENTITY_HUBS)).count();
  }

  /** MERGEs the events' customers; returns how many events are tied to one. */
  long writeEventMap(Dataset<Row> resolved) {
    Dataset<Row> rows = resolved.withColumn(EventMap.RUN_ID, lit(run.runId()));
    DeltaIO.sync(rows, lakehouse.path(Tables.IDENTITY_EVENT_MAP), EventMap.EVENT_KEY,
        "t." + EventMap.CUSTOMER_ID + " <> s." + EventMap.CUSTOMER_ID + " OR t." + EventMap.RESOLVED_BY + " <> s."
            + EventMap.RESOLVED_BY);
    return DeltaIO.read(spark, lakehouse.path(Tables.IDENTITY_EVENT_MAP)).count();
  }

  /** An empty events table, for a lakehouse whose sources hold no events. */
  Dataset<Row> noEvents() {
    return spark.createDataFrame(List.of(), EventSchema.STANDARDIZED);
  }

  /** Records the run's figures, replacing those of an earlier attempt of the same run id. */
  void writeRun(ResolveResult r) {
    Row row = RowFactory.create(r.runId(), r.records(), r.identifierPairs(), r.candidatePairs(), r.links(),
        r.conflicts(), r.excludedValues(), r.ccIterations(), r.resplitComponents(), r.customers(),
        r.retiredOrSplitIds(), r.eventsResolved(), r.lambda(), r.emIterations(), r.seconds(),
        new Timestamp(System.currentTimeMillis()));
    DeltaIO.upsert(spark.createDataFrame(List.of(row), RUNS), lakehouse.path(Tables.IDENTITY_RUNS), "run_id", null);
  }

  private Column now() {
    return lit(Timestamp.from(run.startedAt()));
  }
}
