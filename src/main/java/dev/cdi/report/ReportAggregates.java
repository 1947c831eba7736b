package dev.cdi.report;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import dev.cdi.io.Columns.Attribution;
import dev.cdi.io.Columns.Customer360;
import dev.cdi.io.Columns.Edges;
import dev.cdi.io.Columns.Households;
import dev.cdi.io.Columns.Hubs;
import dev.cdi.io.Columns.IdHistory;
import dev.cdi.io.Columns.IdentityMap;
import dev.cdi.io.Columns.IngestLog;
import dev.cdi.spark.SchemaChecks;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * The run report's figures as small aggregates of the lakehouse tables: each transform returns at most a few
 * hundred rows (one per reason, bucket, segment, channel ...), so the report never collects a table's rows. No
 * I/O: {@link RunReportJob} reads the tables and collects these results. Shuffle cost: one small aggregation each
 * (the row counts of all tables are one job: a union of per-table counts); the customer shapes aggregate twice
 * (per customer, then per shape). Every column an aggregate needs is checked before any Spark action.
 */
public final class ReportAggregates {

  /** Output columns. */
  public static final String TABLE = "table";
  public static final String FILES = "files";
  public static final String LAYER = "layer";
  public static final String RECORDS = "records";
  public static final String PROBABILITY_SUM = "probability_sum";
  public static final String VALUES = "values";
  public static final String NO_RULE = "(none)";
  public static final String REASON = "reason";
  public static final String SOURCE = "source";
  public static final String ROWS = "rows";
  public static final String ROWS_THIS_RUN = "rows_this_run";
  public static final String CUSTOMERS = "customers";
  public static final String SYSTEMS = "systems";
  public static final String BIN = "bin";
  public static final String EDGES = "edges";
  public static final String REVENUE = "revenue";
  public static final String LINEAR_REVENUE = "linear_revenue";
  public static final String HOUSEHOLDS = "households";
  public static final String IDS = "ids";

  /**
   * A JSON parser's quote of the input ({@code [Source: (String){"id":...}; line: 1, column: 612]}), with the
   * {@code (for root starting at ...)} or {@code (start marker at ...)} around it: record content, which a report
   * must not show.
   */
  private static final String QUOTED_SOURCE = "(?s)\\s*\\((?:for root starting|start marker) at \\[Source: .*?;"
      + " line: [0-9]+, column: [0-9]+\\]\\)|\\s*at \\[Source: .*?; line: [0-9]+, column: [0-9]+\\]";
  /** Longer reasons are cut: a reason names a problem, it does not need a paragraph. */
  static final int MAX_REASON_CHARS = 160;
  /** A number that is not part of a name such as UTF-8 or ISO-8859-1. */
  private static final String NUMBERS = "(?<![A-Za-z0-9-])[0-9]+";
  private static final int SCORE_BINS = 10;
  private static final String RUN_ID = "run_id";

  private ReportAggregates() {
  }

  /**
   * Rows of each table, in one Spark job (a union of one count per table): {@code table, rows}, in the map's order.
   *
   * @param tables each table's name and rows
   */
  public static Dataset<Row> rowCounts(Map<String, Dataset<Row>> tables) {
    return tables.entrySet().stream()
        .map(t -> t.getValue().agg(count(lit(1)).as(ROWS)).select(lit(t.getKey()).as(TABLE), col(ROWS)))
        .reduce(Dataset::unionByName)
        .orElseThrow(() -> new IllegalArgumentException("no table to count"));
  }

  /**
   * All-time ingestion per source from the manifest ({@code bronze/_ingest_log}, committed entries, each file and
   * batch once): {@code source, files, rows_read, rows_bronze, rows_quarantined}. Ingestion checks that every file
   * reconciles ({@code rows_read = rows_bronze + rows_quarantined}), so these are the row counts of the bronze
   * tables and of {@code bronze/_quarantine} per source, without loading those tables.
   */
  public static Dataset<Row> ingestTotals(Dataset<Row> ingestLog) {
    SchemaChecks.requireColumns(ingestLog, "bronze._ingest_log", IngestLog.SOURCE, IngestLog.FILE_PATH,
        IngestLog.FILE_FINGERPRINT, IngestLog.BATCH_SEQ, IngestLog.STATUS, IngestLog.ROWS_READ,
        IngestLog.ROWS_BRONZE, IngestLog.ROWS_QUARANTINED);
    return ingestLog.where(col(IngestLog.STATUS).equalTo(IngestLog.STATUS_COMMITTED))
        .groupBy(IngestLog.SOURCE, IngestLog.FILE_PATH, IngestLog.FILE_FINGERPRINT, IngestLog.BATCH_SEQ)
        .agg(max(IngestLog.ROWS_READ).as(IngestLog.ROWS_READ), max(IngestLog.ROWS_BRONZE).as(IngestLog.ROWS_BRONZE),
            max(IngestLog.ROWS_QUARANTINED).as(IngestLog.ROWS_QUARANTINED))
        .groupBy(IngestLog.SOURCE)
        .agg(countDistinct(IngestLog.FILE_PATH, IngestLog.FILE_FINGERPRINT).as(FILES),
            sum(IngestLog.ROWS_READ).as(IngestLog.ROWS_READ), sum(IngestLog.ROWS_BRONZE).as(IngestLog.ROWS_BRONZE),
            sum(IngestLog.ROWS_QUARANTINED).as(IngestLog.ROWS_QUARANTINED))
        .orderBy(IngestLog.SOURCE);
  }

  /**
   * Quarantined rows per layer, source and reason pattern, with how many this run added, largest groups first:
   * {@code layer, source, reason, rows, rows_this_run}. The pattern is the reason with any quote of the record
   * that a JSON parser's message carries removed, counts and positions replaced by {@code N} (names such as
   * {@code UTF-8} kept), and cut to 160 characters.
   *
   * @param quarantines each layer's quarantine table ({@code bronze/_quarantine}, {@code silver/_quarantine}: both
   *                    have source, reason and run_id)
   */
  public static Dataset<Row> quarantineReasons(Map<String, Dataset<Row>> quarantines, String runId) {
    quarantines.forEach((layer, q) -> SchemaChecks.requireColumns(q, layer + "._quarantine", SOURCE, REASON,
        RUN_ID));
    Dataset<Row> all = quarantines.entrySet().stream()
        .map(q -> q.getValue().select(lit(q.getKey()).as(LAYER), col(SOURCE), col(REASON), col(RUN_ID)))
        .reduce(Dataset::unionByName)
        .orElseThrow(() -> new IllegalArgumentException("no quarantine table"));
    Column reason = regexp_replace(regexp_replace(col(REASON), QUOTED_SOURCE, ""), NUMBERS, "N");
    Column shortened = when(length(reason).gt(MAX_REASON_CHARS),
        concat(substring(reason, 1, MAX_REASON_CHARS - 1), lit("\u2026"))).otherwise(reason);
    return all.groupBy(col(LAYER), col(SOURCE), shortened.as(REASON))
        .agg(count(lit(1)).as(ROWS), sum(when(col(RUN_ID).equalTo(runId), 1).otherwise(0)).cast("long")
            .as(ROWS_THIS_RUN))
        .orderBy(col(ROWS).desc(), col(LAYER), col(SOURCE), col(REASON));
  }

  /**
   * The metrics of the run that last computed metrics for each source and table (the newest {@code computed_at}),
   * ordered by source, table and metric.
   */
  public static Dataset<Row> latestQualityMetrics(Dataset<Row> metrics) {
    SchemaChecks.requireColumns(metrics, "silver._dq_metrics", RUN_ID, SOURCE, "table", "metric", "value",
        "computed_at");
    return metrics.withColumn("latest", max(col("computed_at")).over(Window.partitionBy(SOURCE, "table")))
        .where(col("computed_at").equalTo(col("latest")))
        .select(SOURCE, "table", "metric", "value", RUN_ID)
        .orderBy(SOURCE, "table", "metric");
  }

  /**
   * Customers by their number of identity records and of distinct source systems: {@code records, systems,
   * customers}. Both histograms of the report (cluster sizes, customers seen in 1..k systems) follow from it.
   */
  public static Dataset<Row> customerShapes(Dataset<Row> identityMap) {
    SchemaChecks.requireColumns(identityMap, "identity.identity_map", IdentityMap.CUSTOMER_ID, IdentityMap.SOURCE);
    return identityMap.groupBy(IdentityMap.CUSTOMER_ID)
        .agg(count(lit(1)).as(RECORDS), countDistinct(IdentityMap.SOURCE).as(SYSTEMS))
        .groupBy(RECORDS, SYSTEMS).agg(count(lit(1)).as(CUSTOMERS)).orderBy(RECORDS, SYSTEMS);
  }

  /**
   * Edges per decision, rule and tenth of match probability ({@code bin} 0..9, where 9 holds [0.9, 1.0]; null for
   * edges without a probability), with the sum of their probabilities: {@code decision, rule, bin, edges,
   * probability_sum}. The report's score histogram and per-rule means follow from it.
   */
  public static Dataset<Row> edgeSummary(Dataset<Row> edges) {
    SchemaChecks.requireColumns(edges, "identity.edges", Edges.DECISION, Edges.RULE, Edges.MATCH_PROBABILITY);
    Column probability = col(Edges.MATCH_PROBABILITY);
    Column bin = when(probability.isNotNull(),
        least(floor(probability.multiply(SCORE_BINS)), lit(SCORE_BINS - 1)).cast("int"));
    return edges.groupBy(col(Edges.DECISION), coalesce(col(Edges.RULE), lit(NO_RULE)).as(Edges.RULE), bin.as(BIN))
        .agg(count(lit(1)).as(EDGES), sum(Edges.MATCH_PROBABILITY).as(PROBABILITY_SUM))
        .orderBy(col(Edges.DECISION), col(Edges.RULE), col(BIN));
  }

  /**
   * Blocked and hub values, most records first, each with the number of all such values: {@code identifier,
   * value, records, distinct_names, reason, values}. The count is a window over the whole table, which holds only
   * the excluded values (a handful to a few thousand rows).
   */
  public static Dataset<Row> largestHubs(Dataset<Row> hubs) {
    SchemaChecks.requireColumns(hubs, "identity._hubs", Hubs.IDENTIFIER, Hubs.VALUE, Hubs.RECORDS,
        Hubs.DISTINCT_NAMES, Hubs.REASON);
    return hubs.select(col(Hubs.IDENTIFIER), col(Hubs.VALUE), col(Hubs.RECORDS).cast("long").as(Hubs.RECORDS),
            col(Hubs.DISTINCT_NAMES).cast("long").as(Hubs.DISTINCT_NAMES), col(Hubs.REASON),
            count(lit(1)).over(Window.partitionBy()).as(VALUES))
        .orderBy(col(Hubs.RECORDS).desc(), col(Hubs.IDENTIFIER), col(Hubs.VALUE));
  }

  /** This run's id history rows per reason: {@code reason, ids}. */
  public static Dataset<Row> idHistoryReasons(Dataset<Row> history, String runId) {
    SchemaChecks.requireColumns(history, "identity.id_history", IdHistory.REASON, IdHistory.RUN_ID);
    return history.where(col(IdHistory.RUN_ID).equalTo(runId)).groupBy(IdHistory.REASON)
        .agg(count(lit(1)).as(IDS)).orderBy(IdHistory.REASON);
  }

  /** Customers and revenue per RFM segment: {@code rfm_segment, customers, revenue}, most customers first. */
  public static Dataset<Row> segments(Dataset<Row> customers) {
    SchemaChecks.requireColumns(customers, "gold.customer_360", Customer360.RFM_SEGMENT, Customer360.REVENUE);
    return customers.groupBy(Customer360.RFM_SEGMENT)
        .agg(count(lit(1)).as(CUSTOMERS), coalesce(sum(Customer360.REVENUE), lit(0)).cast("double").as(REVENUE))
        .orderBy(col(CUSTOMERS).desc(), col(Customer360.RFM_SEGMENT));
  }

  /**
   * Conversions each model credits to a touch channel ({@code direct} for conversions without touchpoints), and
   * the linear model's revenue: {@code touch_channel, credit_first_touch ... credit_position_based,
   * linear_revenue}, most linear conversions first.
   */
  public static Dataset<Row> channelCredits(Dataset<Row> attribution) {
    SchemaChecks.requireColumns(attribution, "gold.attribution", Attribution.TOUCH_CHANNEL,
        Attribution.CREDIT_FIRST_TOUCH, Attribution.CREDIT_LAST_TOUCH, Attribution.CREDIT_LINEAR,
        Attribution.CREDIT_TIME_DECAY, Attribution.CREDIT_POSITION_BASED, Attribution.CONVERSION_AMOUNT);
    return attribution.groupBy(Attribution.TOUCH_CHANNEL)
        .agg(sum(Attribution.CREDIT_FIRST_TOUCH).as(Attribution.CREDIT_FIRST_TOUCH),
            sum(Attribution.CREDIT_LAST_TOUCH).as(Attribution.CREDIT_LAST_TOUCH),
            sum(Attribution.CREDIT_LINEAR).as(Attribution.CREDIT_LINEAR),
            sum(Attribution.CREDIT_TIME_DECAY).as(Attribution.CREDIT_TIME_DECAY),
            sum(Attribution.CREDIT_POSITION_BASED).as(Attribution.CREDIT_POSITION_BASED),
            coalesce(sum(col(Attribution.CREDIT_LINEAR).multiply(col(Attribution.CONVERSION_AMOUNT))), lit(0))
                .cast("double").as(LINEAR_REVENUE))
        .orderBy(col(Attribution.CREDIT_LINEAR).desc(), col(Attribution.TOUCH_CHANNEL));
  }

  /** Households by number of customers: {@code members, households}, ascending. */
  public static Dataset<Row> householdSizes(Dataset<Row> households) {
    SchemaChecks.requireColumns(households, "gold.households", Households.MEMBERS);
    return households.groupBy(Households.MEMBERS).agg(count(lit(1)).as(HOUSEHOLDS)).orderBy(Households.MEMBERS);
  }
}
