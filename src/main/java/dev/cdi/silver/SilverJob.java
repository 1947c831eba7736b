package dev.cdi.silver;

import static org.apache.spark.sql.functions.not;

import dev.cdi.config.Expectation;
import dev.cdi.config.PipelineConfig;
import dev.cdi.config.SilverMapping;
import dev.cdi.config.SourceConfig;
import dev.cdi.io.Columns.Events;
import dev.cdi.io.Columns.Identities;
import dev.cdi.io.DeltaIO;
import dev.cdi.io.Lakehouse;
import dev.cdi.io.TableId;
import dev.cdi.io.Tables;
import dev.cdi.pipeline.FaultInjection;
import dev.cdi.pipeline.RunContext;
import dev.cdi.quality.DataQualityException;
import dev.cdi.quality.SilverQuality;
import dev.cdi.spark.StageScope;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Silver standardization: for each source with a {@code silver} mapping, reads the bronze rows added since the
 * bronze version silver last consumed (the whole table the first time, then Delta's change data feed), maps and
 * standardizes them, keeps the newest version of each record or event, and upserts {@code silver/identities}
 * (a newer {@code updated_at} wins) and {@code silver/events} with Delta MERGE. Data-quality metrics go to
 * {@code silver/_dq_metrics} and the consumed version to {@code silver/_standardize_log}. A source configured with
 * {@code invalid_times: quarantine} sends records with unparsable dates or times to {@code silver/_quarantine}.
 *
 * <p>Idempotence: the log is written after the MERGEs. A run that dies before that is redone from the same
 * bronze range, and the MERGE gives the same rows again; quarantine and metrics appends carry the bronze version as
 * Delta {@code txnVersion}, so a replay skips them. Cost per source: one scan of the new bronze rows per
 * mapping, a shuffle by record or event key for the dedupe, and the MERGE join with the silver table. Spark jobs are
 * named {@code cdi standardize: <source>} ({@link StageScope}).
 */
public final class SilverJob {

  private static final Logger LOG = LoggerFactory.getLogger(SilverJob.class);
  static final List<String> IDENTITY_VALIDITY = List.of(Identities.NAME_VALIDITY, Identities.EMAIL_VALIDITY,
      Identities.PHONE_VALIDITY, Identities.ADDRESS_VALIDITY, Identities.BIRTH_DATE_VALIDITY,
      Identities.UPDATED_AT_VALIDITY);
  static final List<String> EVENT_VALIDITY = List.of(Events.EVENT_TS_VALIDITY, Events.EMAIL_VALIDITY,
      Events.PHONE_VALIDITY, Events.AMOUNT_VALIDITY);
  /** A record in silver is replaced by a newer version: known update time beats unknown, later beats earlier. */
  private static final String NEWER = "t.updated_at IS NULL OR (s.updated_at IS NOT NULL AND s.updated_at >= "
      + "t.updated_at)";
  private static final StructType METRICS = new StructType().add("run_id", DataTypes.StringType)
      .add("source", DataTypes.StringType).add("table", DataTypes.StringType).add("metric", DataTypes.StringType)
      .add("value", DataTypes.DoubleType).add("computed_at", DataTypes.TimestampType);

  private final SparkSession spark;
  private final PipelineConfig config;
  private final RunContext run;
  private final Lakehouse lakehouse;

  public SilverJob(SparkSession spark, PipelineConfig config, RunContext run) {
    this.spark = spark;
    this.config = config;
    this.run = run;
    this.lakehouse = run.lakehouse();
  }

  public SilverResult run() {
    long start = System.nanoTime();
    List<SourceSilverResult> results = new ArrayList<>();
    try (StageScope scope = StageScope.open(spark, "standardize", run.runId())) {
      for (SourceConfig source : config.sources().values()) {
        if (source.silverMapping().isPresent()) {
          scope.step(source.name());
          results.add(standardize(source));
        }
      }
    }
    SilverResult result = new SilverResult(run.runId(), results, (System.nanoTime() - start) / 1e9);
    LOG.info("standardize {} finished in {}s for {} source(s)", run.runId(), String.format("%.1f", result.seconds()),
        results.size());
    return result;
  }

  /** Standardizes the bronze rows of {@code source} that silver does not contain yet. */
  public SourceSilverResult standardize(SourceConfig source) {
    long start = System.nanoTime();
    String bronzePath = lakehouse.path(Tables.bronze(source.name()));
    long current = DeltaIO.latestVersion(spark, bronzePath);
    long consumed = consumedVersion(source.name());
    if (current < 0 || consumed >= current) {
      LOG.info("{}: silver is up to date (bronze version {})", source.name(), current);
      return new SourceSilverResult(source.name(), consumed, consumed, 0, 0, 0, 0, 0, 0);
    }
    Dataset<Row> bronze = consumed < 0 ? DeltaIO.readVersion(spark, bronzePath, current)
        : DeltaIO.readInserts(spark, bronzePath, consumed, current);
    List<Row> metrics = new ArrayList<>();
    SilverMapping mapping = source.silver();
    long[] identities = mapping.identityMapping().isPresent() ? fill(IDENTITIES, source, bronze, current, metrics)
        : new long[3];
    long[] events = mapping.eventMapping().isPresent() ? fill(EVENTS, source, bronze, current, metrics)
        : new long[3];
    DeltaIO.append(spark.createDataFrame(metrics, METRICS).coalesce(1), lakehouse.path(Tables.SILVER_DQ_METRICS),
        DeltaIO.AppendSpec.plain().idempotent("cdi-dq-metrics:" + source.name(), current));
    FaultInjection.reach("standardize.metrics-written:" + source.name());
    new StandardizeLog(spark, lakehouse).record(source.name(), current, run.runId());
    SourceSilverResult result = new SourceSilverResult(source.name(), consumed, current, identities[0],
        identities[1], events[0], events[1], identities[2] + events[2], (System.nanoTime() - start) / 1e9);
    LOG.info("{}: bronze versions ({}, {}] -> {} identity rows into {} records, {} event rows into {} events, {}"
        + " quarantined, in {}s", source.name(), consumed, current, result.identityRowsIn(), result.identityRecords(),
        result.eventRowsIn(), result.events(), result.quarantined(), String.format("%.1f", result.seconds()));
    return result;
  }

  /**
   * One silver table as the job fills it.
   *
   * @param table       name used in metrics and expectations
   * @param target      the silver table
   * @param key         its key column
   * @param validity    validity columns measured for data quality
   * @param replaceWhen MERGE condition for replacing a matched row, or null for always
   * @param mapped      bronze rows to raw mapped values
   * @param standardize mapped values to standardized rows
   * @param latest      one row per key
   * @param times       its date and time fields, which {@code silver.invalid_times} applies to
   */
  private record SilverTable(String table, TableId target, String key, List<String> validity, String replaceWhen,
                             BiFunction<Dataset<Row>, SourceConfig, Dataset<Row>> mapped,
                             BiFunction<Dataset<Row>, SourceConfig, Dataset<Row>> standardize,
                             UnaryOperator<Dataset<Row>> latest,
                             Function<SourceConfig, List<TimeQuarantine.TimeField>> times) {
  }

  private static final SilverTable IDENTITIES = new SilverTable("identities", Tables.SILVER_IDENTITIES,
      Identities.RECORD_KEY, IDENTITY_VALIDITY, NEWER, IdentityTransform::mapped, IdentityTransform::standardize,
      IdentityTransform::latestPerRecord, TimeQuarantine::identityFields);
  private static final SilverTable EVENTS = new SilverTable("events", Tables.SILVER_EVENTS, Events.EVENT_KEY,
      EVENT_VALIDITY, null, EventTransform::mapped, EventTransform::standardize, EventTransform::latestPerEvent,
      TimeQuarantine::eventFields);

  /**
   * Maps, standardizes, measures, checks and upserts one silver table; rows the source's configuration
   * quarantines go to {@code silver/_quarantine} instead (an idempotent append keyed by the bronze version).
   * Returns {rows in, distinct keys upserted, rows quarantined}.
   */
  private long[] fill(SilverTable target, SourceConfig source, Dataset<Row> bronze, long bronzeVersion,
                      List<Row> metrics) {
    Dataset<Row> mapped = target.mapped().apply(bronze, source);
    Dataset<Row> standardized = target.standardize().apply(mapped, source).persist(StorageLevel.MEMORY_AND_DISK());
    try {
      List<TimeQuarantine.TimeField> times = target.times().apply(source);
      Column quarantined = TimeQuarantine.quarantined(source, times);
      long rowsIn = mapped.count();
      Row counts = measure(standardized, target, source, rowsIn, quarantined, metrics);
      enforce(source, target.table(), metrics);
      if (SilverQuality.quarantined(counts) > 0) {
        DeltaIO.append(TimeQuarantine.rows(standardized, source, times, target.table(), target.key(), run.runId()),
            lakehouse.path(Tables.SILVER_QUARANTINE), DeltaIO.AppendSpec.plain()
                .idempotent("cdi-standardize:" + source.name() + ":" + target.table(), bronzeVersion));
      }
      DeltaIO.upsert(target.latest().apply(standardized.where(not(quarantined))), lakehouse.path(target.target()),
          target.key(), target.replaceWhen());
      FaultInjection.reach("standardize.merged:" + source.name() + ":" + target.table());
      return new long[] {rowsIn, SilverQuality.keys(counts), SilverQuality.quarantined(counts)};
    } finally {
      standardized.unpersist();
    }
  }

  /** Computes the DQ metrics of one table in one aggregation and returns the counts row. */
  private Row measure(Dataset<Row> standardized, SilverTable target, SourceConfig source, long rowsIn,
                      Column quarantined, List<Row> metrics) {
    Row counts = SilverQuality.validityCounts(standardized, target.key(), target.validity(), quarantined).first();
    long keys = SilverQuality.keys(counts);
    long rows = counts.getLong(0);
    long held = SilverQuality.quarantined(counts);
    Timestamp now = Timestamp.from(Instant.now());
    String table = target.table();
    metrics.add(metric(source, table, "rows_in", rowsIn, now));
    metrics.add(metric(source, table, "rows_without_id", rowsIn - rows, now));
    metrics.add(metric(source, table, "rows_quarantined", held, now));
    metrics.add(metric(source, table, "duplicates_removed", rows - held - keys, now));
    metrics.add(metric(source, table, "rows_out", keys, now));
    for (Map.Entry<String, Double> e : SilverQuality.rates(counts, target.validity()).entrySet()) {
      metrics.add(metric(source, table, e.getKey(), e.getValue(), now));
    }
    return counts;
  }

  /**
   * Checks the configured expectations against one table's metrics: violations of warn rules are logged; any
   * violation of a fail rule records the metrics and stops the run before silver is updated.
   */
  private void enforce(SourceConfig source, String table, List<Row> metrics) {
    List<String> failures = new ArrayList<>();
    for (Expectation expectation : config.expectations()) {
      if (!expectation.appliesTo(source.name(), table)) {
        continue;
      }
      for (Row m : metrics) {
        if (m.getString(2).equals(table) && m.getString(3).equals(expectation.metric())) {
          String violation = expectation.violation(source.name(), m.getDouble(4));
          if (violation != null && expectation.fail()) {
            failures.add(violation);
          } else if (violation != null) {
            LOG.warn("{}", violation);
          }
        }
      }
    }
    if (!failures.isEmpty()) {
      writeMetrics(metrics);
      throw new DataQualityException(String.join("; ", failures) + " (action: fail; silver was not updated for "
          + source.name() + ")");
    }
  }

  private void writeMetrics(List<Row> metrics) {
    DeltaIO.append(spark.createDataFrame(metrics, METRICS).coalesce(1), lakehouse.path(Tables.SILVER_DQ_METRICS),
        DeltaIO.AppendSpec.plain());
  }

  private Row metric(SourceConfig source, String table, String name, double value, Timestamp at) {
    return RowFactory.create(run.runId(), source.name(), table, name, value, at);
  }

  private long consumedVersion(String source) {
    return new StandardizeLog(spark, lakehouse).consumedVersion(source);
  }
}
