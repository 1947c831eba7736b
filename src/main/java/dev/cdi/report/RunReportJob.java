package dev.cdi.report;

import dev.cdi.config.LakehousePaths;
import dev.cdi.config.PipelineConfig;
import dev.cdi.gold.GoldResult;
import dev.cdi.identity.eval.SizeDistribution;
import dev.cdi.identity.eval.SizeDistribution.SizeCount;
import dev.cdi.io.Columns.Attribution;
import dev.cdi.io.Columns.Customer360;
import dev.cdi.io.Columns.Hubs;
import dev.cdi.io.DeltaIO;
import dev.cdi.io.TableId;
import dev.cdi.io.Tables;
import dev.cdi.io.TextFiles;
import dev.cdi.pipeline.PipelineResult;
import dev.cdi.pipeline.RunContext;
import dev.cdi.report.RunFigures.ChannelCredit;
import dev.cdi.report.RunFigures.Count;
import dev.cdi.report.RunFigures.DqMetric;
import dev.cdi.report.RunFigures.GoldFigures;
import dev.cdi.report.RunFigures.Hub;
import dev.cdi.report.RunFigures.IdentityFigures;
import dev.cdi.report.RunFigures.ReasonCount;
import dev.cdi.report.RunFigures.RuleCount;
import dev.cdi.report.RunFigures.RunInfo;
import dev.cdi.report.RunFigures.ScoreBin;
import dev.cdi.report.RunFigures.Segment;
import dev.cdi.report.RunFigures.SourceTotal;
import dev.cdi.report.RunFigures.TableCount;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the run report: one self-contained HTML page ({@link RunReportHtml}) at
 * {@code <lakehouse>/_reports/<run id>.html} and the same page at {@code <lakehouse>/_reports/latest.html}, through
 * the Hadoop FileSystem API, so the lakehouse may be {@code s3a://}. A {@code :} in the run id becomes {@code _} in
 * the file name (Hadoop paths cannot hold it).
 *
 * <p>The figures are this run's stage results plus small aggregates of the tables ({@link ReportAggregates}):
 * eleven Spark jobs (quarantine reasons, data-quality metrics, customer shapes, edges, hubs, id history, three over
 * the gold tables, per-source totals from the ingest log, and the row counts of the other tables in one), each
 * collecting at most a few hundred rows. Shuffle cost: one small exchange per aggregate (two for the per-customer
 * shapes over {@code identity/identity_map} and for the ingest log). Idempotent: the report reads tables and writes
 * only its two files, replacing them, so writing it again for the same run rewrites the same page (with a new
 * "reported" time).
 */
public final class RunReportJob {

  public static final String REPORTS = "_reports";
  public static final String LATEST = "latest.html";
  static final int TOP_HUBS = 20;
  static final int MAX_REASONS = 100;
  static final int MAX_METRICS = 1000;
  static final int MAX_SHAPES = 10_000;
  private static final String LINK = "link";
  private static final int SCORE_BINS = 10;
  private static final Logger LOG = LoggerFactory.getLogger(RunReportJob.class);

  private final SparkSession spark;
  private final PipelineConfig config;
  private final RunContext run;

  public RunReportJob(SparkSession spark, PipelineConfig config, RunContext run) {
    this.spark = spark;
    this.config = config;
    this.run = run;
  }

  /** The report's location for a run: {@code <lakehouse>/_reports/<run id>.html}. */
  public static String reportPath(String lakehouse, String runId) {
    return LakehousePaths.join(LakehousePaths.join(lakehouse, REPORTS), runId.replace(':', '_') + ".html");
  }

  /** Computes the figures of {@code result}'s run, writes the report and its latest copy, and returns where. */
  public RunReportResult run(PipelineResult result) {
    long start = System.nanoTime();
    spark.sparkContext().setJobDescription("run report " + run.runId());
    try {
      RunFigures figures = figures(result);
      String html = RunReportHtml.render(figures);
      String path = reportPath(run.lakehouse().root(), run.runId());
      String latest = LakehousePaths.join(LakehousePaths.join(run.lakehouse().root(), REPORTS), LATEST);
      TextFiles.write(path, html, spark.sparkContext().hadoopConfiguration());
      TextFiles.write(latest, html, spark.sparkContext().hadoopConfiguration());
      int charts = html.split("<figure class=\"chart\"", -1).length - 1;
      RunReportResult written = new RunReportResult(run.runId(), path, latest, charts,
          (System.nanoTime() - start) / 1e9);
      LOG.info("run {}: report with {} charts written to {} (and {}) in {}s", run.runId(), charts, path, latest,
          String.format("%.1f", written.seconds()));
      return written;
    } finally {
      spark.sparkContext().setJobDescription(null);
    }
  }

  RunFigures figures(PipelineResult result) {
    RunInfo info = new RunInfo(run.runId(), run.lakehouse().root(), run.startedAt(), Instant.now(),
        result.seconds());
    List<ReasonCount> quarantine = quarantineReasons();
    List<DqMetric> quality = qualityMetrics();
    Optional<IdentityFigures> identity = identity(result);
    Optional<GoldFigures> gold = result.goldResult().map(this::gold);
    List<SourceTotal> sources = sourceTotals();
    return new RunFigures(info, result.timings(), sources, tableCounts(sources), result.ingest(), result.silver(),
        quarantine, quality, identity, gold);
  }

  private List<TableId> tables() {
    List<TableId> tables = new ArrayList<>();
    config.sources().keySet().stream().sorted().map(Tables::bronze).forEach(tables::add);
    tables.addAll(List.of(Tables.QUARANTINE, Tables.INGEST_LOG, Tables.SILVER_IDENTITIES, Tables.SILVER_EVENTS,
        Tables.SILVER_DQ_METRICS, Tables.SILVER_QUARANTINE, Tables.SILVER_STANDARDIZE_LOG, Tables.IDENTITY_MAP,
        Tables.IDENTITY_EDGES, Tables.IDENTITY_ID_HISTORY, Tables.IDENTITY_EVENT_MAP, Tables.IDENTITY_HUBS,
        Tables.IDENTITY_RUNS, Tables.GOLD_CUSTOMER_360, Tables.GOLD_JOURNEY, Tables.GOLD_ANONYMOUS_JOURNEY,
        Tables.GOLD_ATTRIBUTION, Tables.GOLD_HOUSEHOLDS));
    return tables;
  }

  private List<SourceTotal> sourceTotals() {
    return table(Tables.INGEST_LOG).map(log -> collect(ReportAggregates.ingestTotals(log), MAX_REASONS).stream()
        .map(r -> new SourceTotal(r.getString(0), r.getLong(1), r.getLong(2), r.getLong(3), r.getLong(4))).toList())
        .orElse(List.of());
  }

  /**
   * Every table's rows and version; tables never written are listed as such. The bronze source tables and the
   * bronze quarantine are counted by the ingest log's totals; the others by one job (run last, when the other
   * figures have loaded most of the tables' Delta state).
   */
  private List<TableCount> tableCounts(List<SourceTotal> sources) {
    Map<String, Long> rows = new HashMap<>();
    sources.forEach(s -> rows.put(Tables.bronze(s.source()).toString(), s.rowsBronze()));
    rows.put(Tables.QUARANTINE.toString(), sources.stream().mapToLong(SourceTotal::rowsQuarantined).sum());
    Map<String, Dataset<Row>> counted = new LinkedHashMap<>();
    tables().stream().filter(id -> !rows.containsKey(id.toString()))
        .forEach(id -> table(id).ifPresent(t -> counted.put(id.toString(), t)));
    if (!counted.isEmpty()) {
      collect(ReportAggregates.rowCounts(counted), counted.size()).forEach(r -> rows.put(r.getString(0), r.getLong(1)));
    }
    return tables().stream().map(id -> {
      long version = DeltaIO.latestVersion(spark, path(id));
      return version >= 0 && rows.containsKey(id.toString())
          ? new TableCount(id, true, rows.get(id.toString()), version) : new TableCount(id, false, -1, -1);
    }).toList();
  }

  private List<ReasonCount> quarantineReasons() {
    Map<String, Dataset<Row>> quarantines = new LinkedHashMap<>();
    table(Tables.QUARANTINE).ifPresent(q -> quarantines.put(Tables.BRONZE, q));
    table(Tables.SILVER_QUARANTINE).ifPresent(q -> quarantines.put(Tables.SILVER, q));
    if (quarantines.isEmpty()) {
      return List.of();
    }
    return collect(ReportAggregates.quarantineReasons(quarantines, run.runId()), MAX_REASONS).stream()
        .map(r -> new ReasonCount(r.getString(0), r.getString(1), r.getString(2), r.getLong(3), r.getLong(4)))
        .toList();
  }

  private List<DqMetric> qualityMetrics() {
    return table(Tables.SILVER_DQ_METRICS).map(t -> collect(ReportAggregates.latestQualityMetrics(t), MAX_METRICS)
        .stream().map(r -> new DqMetric(r.getString(0), r.getString(1), r.getString(2), r.getDouble(3),
            r.getString(4))).toList()).orElse(List.of());
  }

  private Optional<IdentityFigures> identity(PipelineResult result) {
    return table(Tables.IDENTITY_MAP).map(map -> {
      List<Row> shapes = collect(ReportAggregates.customerShapes(map), MAX_SHAPES);
      List<Row> edges = table(Tables.IDENTITY_EDGES).map(e -> collect(ReportAggregates.edgeSummary(e), MAX_SHAPES))
          .orElse(List.of());
      List<Row> hubs = table(Tables.IDENTITY_HUBS).map(h -> collect(ReportAggregates.largestHubs(h), TOP_HUBS))
          .orElse(List.of());
      return new IdentityFigures(result.resolve(), clusterSizes(shapes), systemsPerCustomer(shapes), scoreBins(edges),
          rules(edges), hubs.isEmpty() ? 0 : hubs.get(0).<Long>getAs(ReportAggregates.VALUES),
          hubs.stream().map(RunReportJob::hub).toList(),
          table(Tables.IDENTITY_ID_HISTORY).map(h -> counts(ReportAggregates.idHistoryReasons(h, run.runId())))
              .orElse(List.of()));
    });
  }

  /** Customers by records, from the (records, systems, customers) shapes. */
  static SizeDistribution clusterSizes(List<Row> shapes) {
    Map<Long, Long> bySize = new TreeMap<>();
    shapes.forEach(r -> bySize.merge(r.getLong(0), r.getLong(2), Long::sum));
    return new SizeDistribution(bySize.entrySet().stream().map(e -> new SizeCount(e.getKey(), e.getValue()))
        .toList());
  }

  /** Customers by systems ("1", "2", ...), from the (records, systems, customers) shapes. */
  static List<Count> systemsPerCustomer(List<Row> shapes) {
    Map<Long, Long> bySystems = new TreeMap<>();
    shapes.forEach(r -> bySystems.merge(r.getLong(1), r.getLong(2), Long::sum));
    return bySystems.entrySet().stream().map(e -> new Count(Long.toString(e.getKey()), e.getValue())).toList();
  }

  /** All ten bins, empty ones included, so the chart's axis is always 0.0 to 0.9. */
  static List<ScoreBin> scoreBins(List<Row> edgeSummary) {
    long[] links = new long[SCORE_BINS];
    long[] conflicts = new long[SCORE_BINS];
    for (Row r : edgeSummary) {
      if (!r.isNullAt(2)) {
        long[] counts = LINK.equals(r.getString(0)) ? links : conflicts;
        counts[r.getInt(2)] += r.getLong(3);
      }
    }
    List<ScoreBin> bins = new ArrayList<>();
    for (int b = 0; b < SCORE_BINS; b++) {
      bins.add(new ScoreBin(b / (double) SCORE_BINS, links[b], conflicts[b]));
    }
    return bins;
  }

  /** Edges per decision and rule with their mean probability, most edges first. */
  static List<RuleCount> rules(List<Row> edgeSummary) {
    Map<List<String>, long[]> edges = new LinkedHashMap<>();
    Map<List<String>, double[]> sums = new HashMap<>();
    for (Row r : edgeSummary) {
      List<String> key = List.of(r.getString(0), r.getString(1));
      long[] counts = edges.computeIfAbsent(key, k -> new long[2]);
      counts[0] += r.getLong(3);
      if (!r.isNullAt(2)) {
        counts[1] += r.getLong(3);
        sums.computeIfAbsent(key, k -> new double[1])[0] += r.getDouble(4);
      }
    }
    return edges.entrySet().stream().map(e -> new RuleCount(e.getKey().get(0), e.getKey().get(1), e.getValue()[0],
            e.getValue()[1] == 0 ? null : sums.get(e.getKey())[0] / e.getValue()[1]))
        .sorted(Comparator.comparingLong(RuleCount::edges).reversed().thenComparing(RuleCount::decision)
            .thenComparing(RuleCount::rule))
        .toList();
  }

  private static Hub hub(Row r) {
    return new Hub(r.getAs(Hubs.IDENTIFIER), IdentifierMask.mask(r.getAs(Hubs.VALUE)), r.<Long>getAs(Hubs.RECORDS),
        r.<Long>getAs(Hubs.DISTINCT_NAMES), r.getAs(Hubs.REASON));
  }

  private GoldFigures gold(GoldResult result) {
    List<Segment> segments = table(Tables.GOLD_CUSTOMER_360).map(c -> collect(ReportAggregates.segments(c),
        MAX_REASONS).stream().map(r -> new Segment(r.getAs(Customer360.RFM_SEGMENT), r.getLong(1), r.getDouble(2)))
        .toList()).orElse(List.of());
    List<ChannelCredit> channels = table(Tables.GOLD_ATTRIBUTION).map(a -> collect(
        ReportAggregates.channelCredits(a), MAX_REASONS).stream().map(r -> new ChannelCredit(
        r.getAs(Attribution.TOUCH_CHANNEL), r.getDouble(1), r.getDouble(2), r.getDouble(3), r.getDouble(4),
        r.getDouble(5), r.getDouble(6))).toList()).orElse(List.of());
    List<Count> households = table(Tables.GOLD_HOUSEHOLDS).map(h -> counts(ReportAggregates.householdSizes(h)))
        .orElse(List.of());
    return new GoldFigures(result, segments, channels, households);
  }

  /** Rows of a two-column aggregate (a key of any type, a long count) as labelled counts. */
  private static List<Count> counts(Dataset<Row> aggregate) {
    return collect(aggregate, MAX_REASONS).stream().map(r -> new Count(String.valueOf(r.get(0)), r.getLong(1)))
        .toList();
  }

  private static List<Row> collect(Dataset<Row> aggregate, int limit) {
    return aggregate.limit(limit).collectAsList();
  }

  private Optional<Dataset<Row>> table(TableId id) {
    return DeltaIO.readIfExists(spark, path(id));
  }

  private String path(TableId id) {
    return run.lakehouse().path(id);
  }
}
