package dev.cdi.bronze;

import dev.cdi.config.PipelineConfig;
import dev.cdi.config.SourceConfig;
import dev.cdi.config.SourceFormat;
import dev.cdi.io.DeltaIO;
import dev.cdi.io.DeltaIO.AppendSpec;
import dev.cdi.io.Columns.Bronze;
import dev.cdi.io.Columns.Quarantine;
import dev.cdi.io.Lakehouse;
import dev.cdi.io.Tables;
import dev.cdi.pipeline.FaultInjection;
import dev.cdi.pipeline.RunContext;
import dev.cdi.privacy.IdentifierMatcher;
import dev.cdi.privacy.PrivacySalt;
import dev.cdi.privacy.SuppressionList;
import dev.cdi.spark.StageScope;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bronze ingestion: for each configured source, appends the rows of files not ingested yet to
 * {@code bronze/<source>} and the malformed rows to {@code bronze/_quarantine}, and records per-file counts in
 * {@code bronze/_ingest_log}.
 *
 * <p>Idempotence: a file is skipped when its path and SHA-256 fingerprint were committed before. A batch is
 * logged as started before any data is written; both data appends carry Delta's {@code txnAppId} (per source)
 * and {@code txnVersion} (the batch number), so when a run dies half-way the next run replays the unfinished
 * batch and Delta skips whichever append had already committed: no row is lost or duplicated.
 *
 * <p>Erased people stay erased: when {@code _privacy/suppression} lists anything, rows that match it are dropped
 * and counted as suppressed ({@link SuppressedBatch}); this needs the salt erasure used ({@code CDI_PRIVACY_SALT}).
 *
 * <p>Cost: one read of each new file to fingerprint it and one to parse it (one task per file), two small
 * aggregations, and the two appends. No shuffle of the data itself. Spark jobs are named {@code cdi ingest: <source>}
 * ({@link StageScope}).
 */
public final class IngestJob {

  private static final Logger LOG = LoggerFactory.getLogger(IngestJob.class);

  private final SparkSession spark;
  private final PipelineConfig config;
  private final RunContext run;
  private final IngestLog log;
  private final Lakehouse lakehouse;
  private final Optional<PrivacySalt> salt;

  /** A job that takes the privacy salt, if any, from the environment ({@value PrivacySalt#ENV}). */
  public IngestJob(SparkSession spark, PipelineConfig config, RunContext run) {
    this(spark, config, run, PrivacySalt.fromEnvironment(System.getenv()));
  }

  /** A job with the given privacy salt (needed once anything was erased). */
  public IngestJob(SparkSession spark, PipelineConfig config, RunContext run, Optional<PrivacySalt> salt) {
    this.spark = spark;
    this.config = config;
    this.run = run;
    this.lakehouse = run.lakehouse();
    this.log = new IngestLog(spark, lakehouse);
    this.salt = salt;
  }

  /** Ingests every configured source, in configuration order. */
  public IngestResult run() {
    long start = System.nanoTime();
    List<SourceIngestResult> results = new ArrayList<>();
    Optional<IdentifierMatcher> suppression = suppression();
    try (StageScope scope = StageScope.open(spark, "ingest", run.runId())) {
      for (SourceConfig source : config.sources().values()) {
        scope.step(source.name());
        results.add(ingest(source, suppression));
      }
    } finally {
      suppression.ifPresent(IdentifierMatcher::close);
    }
    IngestResult result = new IngestResult(run.runId(), results, seconds(start));
    LOG.info("ingest {} finished in {}s: {} files, {} rows read, {} to bronze, {} quarantined, {} suppressed",
        run.runId(), String.format("%.1f", result.seconds()), result.filesIngested(), result.rowsRead(),
        result.rowsBronze(), result.rowsQuarantined(), result.rowsSuppressed());
    return result;
  }

  /** Ingests one source: replays interrupted batches, then ingests new files as one batch. */
  public SourceIngestResult ingest(SourceConfig source) {
    Optional<IdentifierMatcher> suppression = suppression();
    try {
      return ingest(source, suppression);
    } finally {
      suppression.ifPresent(IdentifierMatcher::close);
    }
  }

  /**
   * A matcher of the suppression list's hashes, or empty when nothing was ever erased.
   *
   * @throws IllegalStateException when something was erased but the salt is missing or another one
   */
  private Optional<IdentifierMatcher> suppression() {
    SuppressionList list = new SuppressionList(spark, lakehouse);
    if (list.isEmpty()) {
      return Optional.empty();
    }
    PrivacySalt key = salt.orElseThrow(() -> new IllegalStateException("people were erased from this lakehouse"
        + " (" + lakehouse.path(Tables.SUPPRESSION) + "), and ingestion must drop their rows if they arrive again,"
        + " but " + PrivacySalt.ENV + " is not set; set it to the salt erase used"));
    Set<String> hashes = list.hashes(key);
    LOG.info("ingest {}: rows of erased people are dropped ({} suppressed values)", run.runId(), hashes.size());
    return Optional.of(new IdentifierMatcher(spark, key.hasher(), hashes));
  }

  private SourceIngestResult ingest(SourceConfig source, Optional<IdentifierMatcher> suppression) {
    long start = System.nanoTime();
    String glob = source.resolvedPath(config.inputRoot());
    List<SourceFile> listed = FileLister.list(glob, hadoopConf());
    LOG.info("{}: {} file(s) match {}", source.name(), listed.size(), glob);
    IngestLogState state = log.load(source.name());
    Totals totals = new Totals();
    for (IngestBatch batch : state.unfinishedBatches()) {
      LOG.warn("{}: completing batch {} of run {} that was interrupted ({} file(s))", source.name(), batch.seq(),
          batch.runId(), batch.files().size());
      requireUnchanged(batch);
      write(source, batch, totals, suppression);
      totals.replayed++;
    }
    List<SourceFile> fresh = newFiles(listed, state);
    int skipped = listed.size() - fresh.size() - state.pathsInUnfinishedBatches().size();
    if (!fresh.isEmpty()) {
      IngestBatch batch = new IngestBatch(source.name(), state.nextSeq(), run.runId(), run.startedAt(), fresh);
      log.recordStarted(batch);
      FaultInjection.reach("ingest.started:" + source.name());
      write(source, batch, totals, suppression);
    }
    SourceIngestResult result = new SourceIngestResult(source.name(), listed.size(), Math.max(0, skipped),
        totals.files, totals.replayed, totals.read, totals.bronze, totals.quarantined, totals.suppressed,
        DeltaIO.latestVersion(spark, lakehouse.path(Tables.bronze(source.name()))),
        DeltaIO.latestVersion(spark, lakehouse.path(Tables.QUARANTINE)), seconds(start));
    LOG.info("{}: {} new file(s), {} skipped as already ingested; {} rows read, {} to bronze, {} quarantined,"
            + " {} suppressed in {}s", source.name(), result.filesIngested(), result.filesSkipped(), result.rowsRead(),
        result.rowsBronze(), result.rowsQuarantined(), result.rowsSuppressed(), String.format("%.1f",
            result.seconds()));
    return result;
  }

  private List<SourceFile> newFiles(List<SourceFile> listed, IngestLogState state) {
    Set<String> replayed = state.pathsInUnfinishedBatches();
    List<SourceFile> known = new ArrayList<>();
    List<SourceFile> toHash = new ArrayList<>();
    for (SourceFile file : listed) {
      if (replayed.contains(file.path())) {
        continue;
      }
      SourceFile withPrint = state.withKnownFingerprint(file);
      (withPrint.fingerprint() == null ? toHash : known).add(withPrint);
    }
    known.addAll(Fingerprints.compute(spark, toHash));
    warnAboutCopies(known, state);
    return known.stream().filter(f -> !state.isCommitted(f))
        .sorted(Comparator.comparing(SourceFile::path)).toList();
  }

  private void warnAboutCopies(List<SourceFile> files, IngestLogState state) {
    Map<String, String> byPrint = new HashMap<>();
    state.committedFiles().forEach(f -> byPrint.put(f.fingerprint(), f.path()));
    for (SourceFile file : files) {
      String other = byPrint.putIfAbsent(file.fingerprint(), file.path());
      if (other != null && !other.equals(file.path()) && !state.isCommitted(file)) {
        LOG.warn("{} has the same content as {}; it is ingested as a separate file", file.path(), other);
      }
    }
  }

  private void requireUnchanged(IngestBatch batch) {
    List<SourceFile> now = Fingerprints.compute(spark, batch.files().stream()
        .map(f -> new SourceFile(f.path(), f.size(), f.modifiedAt(), null)).toList());
    for (int i = 0; i < now.size(); i++) {
      if (!now.get(i).fingerprint().equals(batch.files().get(i).fingerprint())) {
        throw new IllegalStateException("cannot complete interrupted batch " + batch.seq() + " of source "
            + batch.source() + " (run " + batch.runId() + "): " + now.get(i).path()
            + " changed since that run started; restore the original file and rerun");
      }
    }
  }

  private void write(SourceConfig source, IngestBatch batch, Totals totals,
                     Optional<IdentifierMatcher> suppression) {
    BatchData raw = read(source, batch);
    try (BatchData data = suppression.<BatchData>map(m -> new SuppressedBatch(raw, source, m)).orElse(raw)) {
      Map<String, FileCounts> counts = data.counts();
      long quarantined = counts.values().stream().mapToLong(FileCounts::rowsQuarantined).sum();
      long bronze = counts.values().stream().mapToLong(FileCounts::rowsBronze).sum();
      AppendSpec idempotent = AppendSpec.plain().idempotent(batch.txnAppId(), batch.seq());
      long quarantineVersion = quarantined == 0 ? -1 : DeltaIO.append(data.quarantine(),
          lakehouse.path(Tables.QUARANTINE), idempotent.partitionedBy(Quarantine.INGEST_DATE));
      FaultInjection.reach("ingest.quarantine-committed:" + source.name());
      long bronzeVersion = bronze == 0 ? -1 : DeltaIO.append(data.bronze(),
          lakehouse.path(Tables.bronze(source.name())),
          idempotent.partitionedBy(Bronze.INGEST_DATE).withSchemaMerge());
      FaultInjection.reach("ingest.bronze-committed:" + source.name());
      log.recordCommitted(batch, counts, bronzeVersion, quarantineVersion);
      for (SourceFile file : batch.files()) {
        FileCounts c = counts.get(file.path());
        LOG.info("{} {}: {} rows read, {} to bronze, {} quarantined, {} suppressed, {} blank line(s)", source.name(),
            file.name(), c.rowsRead(), c.rowsBronze(), c.rowsQuarantined(), c.rowsSuppressed(), c.blankLines());
        totals.add(c);
      }
    }
  }

  private BatchData read(SourceConfig source, IngestBatch batch) {
    if (source.format() == SourceFormat.PARQUET) {
      return new ParquetBatchReader(spark, source.name(), batch);
    }
    return new TextBatchReader(spark, source, config.ingest(), batch);
  }

  private Configuration hadoopConf() {
    return spark.sparkContext().hadoopConfiguration();
  }

  private static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }

  /** Running totals for one source. */
  private static final class Totals {
    private int files;
    private int replayed;
    private long read;
    private long bronze;
    private long quarantined;
    private long suppressed;

    void add(FileCounts c) {
      files++;
      read += c.rowsRead();
      bronze += c.rowsBronze();
      quarantined += c.rowsQuarantined();
      suppressed += c.rowsSuppressed();
    }
  }
}
