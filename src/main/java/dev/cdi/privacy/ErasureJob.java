package dev.cdi.privacy;

import dev.cdi.config.LakehousePaths;
import dev.cdi.config.PipelineConfig;
import dev.cdi.config.SourceConfig;
import dev.cdi.io.Columns.Households;
import dev.cdi.io.DeltaIO;
import dev.cdi.io.DeltaPurge;
import dev.cdi.io.Lakehouse;
import dev.cdi.io.TableId;
import dev.cdi.io.Tables;
import dev.cdi.pipeline.RunContext;
import dev.cdi.privacy.ErasureRequest.Identifier;
import dev.cdi.privacy.ErasureTargets.Target;
import dev.cdi.silver.StandardizeLog;
import dev.cdi.spark.SchemaChecks;
import io.delta.tables.DeltaTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.ToLongBiFunction;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code erase}: removes a person from every layer and makes the removal permanent.
 * <ol>
 *   <li>Checks that silver has standardized every bronze row (erasure cuts bronze history, which the next
 *       standardize could otherwise not read) and that the salt is the suppression list's.</li>
 *   <li>Resolves the request to customers, records, events and the person's own identifiers
 *       ({@link ErasureResolver}) and adds their salted hashes to {@code _privacy/suppression}.</li>
 *   <li>Deletes every matching row from gold, identity, silver and bronze tables and the quarantine
 *       ({@link ErasureTargets}), takes the customers out of their households and redacts the reports.</li>
 *   <li>Purges every table of the lakehouse ({@link DeltaPurge}: deletion vectors, old files, change data,
 *       history), records the bronze versions silver now holds, and appends the audit row.</li>
 * </ol>
 * Row matching compares salted hashes inside a UDF, so no identifier reaches a query plan, a Delta commit or the
 * log; the log shows counts only. Idempotence: the hashes are written before anything is deleted, and the audit
 * row last; a request with hashes but no audit row is unfinished, and the next erase (or {@code erase --resume})
 * deletes what its hashes still match and purges again. Cost: a few scans of the identity and silver tables for
 * resolution, then per table a counting scan and a DELETE that rewrites the files holding matches, and per table a
 * VACUUM listing and a checkpoint.
 */
public final class ErasureJob {

  private static final Logger LOG = LoggerFactory.getLogger(ErasureJob.class);
  /** Bronze commits that add no rows, so silver has nothing to read from them. */
  private static final Set<String> NO_NEW_ROWS = Set.of("DELETE", "REORG", "VACUUM START", "VACUUM END", "OPTIMIZE");
  private static final String[] LAYERS = {Tables.GOLD, Tables.IDENTITY, Tables.SILVER, Tables.BRONZE};
  /** Tables of counts, versions and settings only: no row names a person, so their history is kept. */
  private static final List<TableId> NO_PERSONAL_DATA = List.of(Tables.INGEST_LOG, Tables.SILVER_DQ_METRICS,
      Tables.SILVER_STANDARDIZE_LOG, Tables.IDENTITY_RUNS, Tables.IDENTITY_EVALUATION);

  private final SparkSession spark;
  private final PipelineConfig config;
  private final RunContext run;
  private final Lakehouse lakehouse;
  private final PrivacySalt salt;
  private final IdentifierHasher hasher;
  private final ErasureSettings settings;

  public ErasureJob(SparkSession spark, PipelineConfig config, RunContext run, PrivacySalt salt,
                    ErasureSettings settings) {
    this.spark = spark;
    this.config = config;
    this.run = run;
    this.lakehouse = run.lakehouse();
    this.salt = salt;
    this.hasher = salt.hasher();
    this.settings = settings;
  }

  /** Erases {@code request}, and completes any unfinished earlier request. */
  public ErasureResult run(ErasureRequest request) {
    long start = System.nanoTime();
    Timestamp requestedAt = Timestamp.from(run.startedAt());
    requireSilverCurrent();
    SuppressionList suppression = new SuppressionList(spark, lakehouse);
    suppression.requireSalt(salt);
    ErasureAudit audit = new ErasureAudit(spark, lakehouse);
    Set<String> resumed = new TreeSet<>(suppression.requests());
    resumed.removeAll(audit.finished());
    resumed.remove(run.runId());
    if (request.isEmpty() && resumed.isEmpty()) {
      throw new IllegalArgumentException("nothing to erase: give --identifier, --customer-id or --file"
          + " (and no earlier erasure is unfinished)");
    }
    ErasureSet set = request.isEmpty() ? new ErasureSet()
        : new ErasureResolver(spark, config, lakehouse, settings.maxCustomers()).resolve(request, hasher);
    Map<IdentifierKind, Set<String>> hashes = set.hashes(hasher);
    Set<String> all = new HashSet<>(suppression.hashesOf(resumed));
    hashes.values().forEach(all::addAll);
    LOG.info("erase {}: {} identifier(s) requested, {} not found; {} customer id(s), {} record(s), {} event(s),"
            + " {} identifier value(s); {} unfinished earlier request(s)", run.runId(), request.identifiers().size(),
        set.notFound(), set.get(IdentifierKind.CUSTOMER).size(), set.get(IdentifierKind.RECORD).size(),
        set.get(IdentifierKind.EVENT).size(), set.get(IdentifierKind.EMAIL).size()
            + set.get(IdentifierKind.PHONE).size() + set.get(IdentifierKind.ID).size(), resumed.size());
    if (settings.dryRun()) {
      try (IdentifierMatcher matcher = new IdentifierMatcher(spark, hasher, all)) {
        return result(request, set, resumed, forEachTarget(matcher, this::count), 0, 0, null, start);
      }
    }
    suppression.add(run.runId(), hashes, salt);
    Map<String, Long> deleted;
    long households;
    int reports;
    try (IdentifierMatcher matcher = new IdentifierMatcher(spark, hasher, all)) {
      deleted = forEachTarget(matcher, this::delete);
      households = eraseHouseholds(matcher);
      reports = new ReportRedactor().redact(lakehouse.root(), spark.sessionState().newHadoopConf(),
          found -> matcher.contains(found.kind(), found.value()), set.names());
    }
    Purge purge = purgeAll();
    markSilverCurrent();
    ErasureResult result = result(request, set, resumed, deleted, households, reports, purge, start);
    audit.append(result, requestedAt, identifierHashes(request), settings.retainHours());
    LOG.info("erase {}: {} row(s) deleted in {} table(s), {} household(s) changed, {} report(s) redacted; {} tables"
            + " purged ({} files, {} log files) in {}s", run.runId(), result.totalRowsDeleted(),
        deleted.values().stream().filter(n -> n > 0).count(), households, reports, purge.tables(), purge.files(),
        purge.logFiles(), String.format("%.1f", result.seconds()));
    return result;
  }

  /**
   * Fails unless silver holds every bronze row: the bronze commits after the version silver consumed may only
   * remove rows (an interrupted erasure leaves such commits).
   */
  private void requireSilverCurrent() {
    for (Consumed c : consumedBronze(new StandardizeLog(spark, lakehouse))) {
      if (!NO_NEW_ROWS.containsAll(DeltaIO.operationsAfter(spark, c.path(), c.version()))) {
        throw new IllegalStateException("bronze/" + c.source() + " has rows that silver has not standardized"
            + " (silver holds version " + c.version() + ", bronze is at " + DeltaIO.latestVersion(spark, c.path())
            + "); run `cdi standardize` (or `cdi run`) before erasing");
      }
    }
  }

  /** Records that silver holds each bronze table as erasure left it. */
  private void markSilverCurrent() {
    StandardizeLog log = new StandardizeLog(spark, lakehouse);
    for (Consumed c : consumedBronze(log)) {
      long latest = DeltaIO.latestVersion(spark, c.path());
      if (latest > c.version()) {
        log.record(c.source(), latest, run.runId());
      }
    }
  }

  /**
   * A bronze table that silver has standardized, with the version silver consumed.
   *
   * @param source  source name
   * @param path    the bronze table's path
   * @param version the bronze version silver holds
   */
  private record Consumed(String source, String path, long version) {
  }

  /** The bronze tables of sources with a silver mapping that silver has consumed. */
  private List<Consumed> consumedBronze(StandardizeLog log) {
    List<Consumed> out = new ArrayList<>();
    for (SourceConfig source : config.sources().values()) {
      String path = lakehouse.path(Tables.bronze(source.name()));
      if (source.silverMapping().isPresent() && DeltaIO.exists(spark, path)) {
        long consumed = log.consumedVersion(source.name());
        if (consumed >= 0) {
          out.add(new Consumed(source.name(), path, consumed));
        }
      }
    }
    return out;
  }

  private Map<String, Long> forEachTarget(IdentifierMatcher matcher,
                                          ToLongBiFunction<Target, IdentifierMatcher> action) {
    Map<String, Long> out = new LinkedHashMap<>();
    for (Target target : ErasureTargets.all(config)) {
      if (DeltaIO.exists(spark, lakehouse.path(target.table()))) {
        out.put(target.table().toString(), action.applyAsLong(target, matcher));
      }
    }
    return out;
  }

  /** Rows of the target that match. */
  private long count(Target target, IdentifierMatcher matcher) {
    Dataset<Row> table = DeltaIO.read(spark, lakehouse.path(target.table()));
    return table.where(condition(target, table, matcher)).count();
  }

  /** Deletes the target's matching rows; returns how many. */
  private long delete(Target target, IdentifierMatcher matcher) {
    String path = lakehouse.path(target.table());
    Dataset<Row> table = DeltaIO.read(spark, path);
    Column condition = condition(target, table, matcher);
    long rows = table.where(condition).count();
    if (rows > 0) {
      DeltaIO.deleteWhere(spark, path, condition);
    }
    return rows;
  }

  private static Column condition(Target target, Dataset<Row> table, IdentifierMatcher matcher) {
    SchemaChecks.requireColumns(table, target.table().toString(), target.required().toArray(String[]::new));
    return matcher.matches(target.entries().apply(table.schema()));
  }

  /** Updates or deletes the households of erased customers (see {@link HouseholdErasure}); returns how many. */
  private long eraseHouseholds(IdentifierMatcher matcher) {
    String path = lakehouse.path(Tables.GOLD_HOUSEHOLDS);
    String golden = lakehouse.path(Tables.GOLD_CUSTOMER_360);
    if (!DeltaIO.exists(spark, path) || !DeltaIO.exists(spark, golden)) {
      return 0;
    }
    Dataset<Row> changes = HouseholdErasure.changes(DeltaIO.read(spark, path), DeltaIO.read(spark, golden),
        c -> matcher.matches(List.of(MatchEntries.of(IdentifierKind.CUSTOMER, c))), run.runId());
    long changed = changes.count();
    if (changed > 0) {
      Map<String, String> update = new LinkedHashMap<>();
      for (String column : List.of(Households.CUSTOMER_IDS, Households.MEMBERS, Households.FAMILY_NAMES,
          Households.EVIDENCE, Households.ROW_HASH, Households.RUN_ID)) {
        update.put(column, "s." + column);
      }
      DeltaTable.forPath(spark, path).as("t").merge(changes.as("s"), "t." + Households.HOUSEHOLD_ID + " = s."
              + Households.HOUSEHOLD_ID)
          .whenMatched("s." + HouseholdErasure.DELETE).delete()
          .whenMatched().updateExpr(update)
          .execute();
    }
    return changed;
  }

  /**
   * What purging did.
   *
   * @param tables   tables purged
   * @param files    data and change-data files deleted
   * @param logFiles log files deleted
   */
  private record Purge(int tables, long files, long logFiles) {
  }

  /**
   * Purges every Delta table under the lakehouse's layers, tables unknown to this job included, except those of
   * {@link #NO_PERSONAL_DATA} and the {@code _privacy} tables, which hold no personal data.
   */
  private Purge purgeAll() {
    int tables = 0;
    long files = 0;
    long logFiles = 0;
    for (String table : deltaTables()) {
      DeltaPurge.Purged purged = DeltaPurge.purge(spark, table, settings.retainHours());
      tables++;
      files += purged.filesDeleted();
      logFiles += purged.logFilesDeleted();
    }
    return new Purge(tables, files, logFiles);
  }

  private List<String> deltaTables() {
    List<String> out = new ArrayList<>();
    Set<String> skipped = new HashSet<>();
    NO_PERSONAL_DATA.forEach(t -> skipped.add(t.layer() + "/" + t.name()));
    try {
      for (String layer : LAYERS) {
        Path folder = new Path(LakehousePaths.join(lakehouse.root(), layer));
        FileSystem fs = folder.getFileSystem(spark.sessionState().newHadoopConf());
        if (!fs.exists(folder)) {
          continue;
        }
        for (FileStatus child : fs.listStatus(folder)) {
          String path = child.getPath().toString();
          if (child.isDirectory() && !skipped.contains(layer + "/" + child.getPath().getName())
              && DeltaIO.exists(spark, path)) {
            out.add(path);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the tables under " + lakehouse.root(), e);
    }
    return out;
  }

  private List<String> identifierHashes(ErasureRequest request) {
    List<String> out = new ArrayList<>();
    for (Identifier id : request.identifiers()) {
      out.add(hasher.hash(id.kind(), id.normalized()));
    }
    return out;
  }

  private ErasureResult result(ErasureRequest request, ErasureSet set, Set<String> resumed, Map<String, Long> rows,
                               long households, int reports, Purge purge, long startNanos) {
    Purge p = purge == null ? new Purge(0, 0, 0) : purge;
    return new ErasureResult(run.runId(), settings.dryRun(), request.identifiers().size(), set.notFound(),
        set.get(IdentifierKind.CUSTOMER).size(), set.get(IdentifierKind.RECORD).size(),
        set.get(IdentifierKind.EVENT).size(), rows, households, reports, p.tables(), p.files(), p.logFiles(),
        List.copyOf(resumed), (System.nanoTime() - startNanos) / 1e9);
  }
}
