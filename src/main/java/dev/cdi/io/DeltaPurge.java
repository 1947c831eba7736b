package dev.cdi.io;

import io.delta.tables.DeltaTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.delta.DeltaLog;
import org.apache.spark.sql.delta.Snapshot;
import scala.Option;

/**
 * Makes rows deleted from a Delta table unrecoverable. A DELETE only writes a new version: the old data files stay
 * for time travel, a table with deletion vectors keeps the deleted rows inside still-current files (only marked as
 * deleted), the change data feed keeps them under {@code _change_data}, and the commit files and checksums of the
 * log hold column statistics (minimum and maximum values) of old files. {@link #purge} removes all of that:
 * <ol>
 *   <li>where deletion vectors are on, {@code REORG TABLE ... APPLY (PURGE)} rewrites the files that carry one;</li>
 *   <li>{@code VACUUM} with the given retention deletes every file no longer in the table, change-data files
 *       included; a retention under Delta's 7-day safety check needs
 *       {@code spark.databricks.delta.retentionDurationCheck.enabled=false}, which is set for the VACUUM only and
 *       then restored (as is the listing parallelism, see {@link #LISTING_PARALLELISM});</li>
 *   <li>the history is cut: a checkpoint is written at the latest version and every older commit, checksum and
 *       checkpoint file of {@code _delta_log} is deleted, so time travel and the change feed start at that
 *       version.</li>
 * </ol>
 * Concurrent readers of an older snapshot lose their files; run it when nothing else writes or reads the table.
 * Cost: the rewrite of files with deletion vectors, one listing of the table folder, one checkpoint.
 */
public final class DeltaPurge {

  static final String RETENTION_CHECK = "spark.databricks.delta.retentionDurationCheck.enabled";
  /**
   * VACUUM lists the table folder in this many tasks (Spark's default is 10,000, thousands of empty tasks for a
   * table of a few files); unless the session sets it, the VACUUM runs with the session's default parallelism.
   */
  static final String LISTING_PARALLELISM = "spark.sql.sources.parallelPartitionDiscovery.parallelism";
  /** {@code 00000000000000000012.json}, {@code .crc}, {@code .checkpoint.parquet}, multi-part checkpoints, and the
   *  local file system's hidden {@code .<name>.crc} companions. */
  private static final Pattern LOG_FILE = Pattern.compile("^\\.?(\\d{20})\\..+$");

  private DeltaPurge() {
  }

  /**
   * What a purge did.
   *
   * @param reorganized     whether files with deletion vectors were rewritten
   * @param filesDeleted    data and change-data files VACUUM deleted
   * @param logFilesDeleted files deleted from {@code _delta_log}
   * @param version         the table version history now starts at
   */
  public record Purged(boolean reorganized, long filesDeleted, long logFilesDeleted, long version) {
  }

  /** Purges the table at {@code path}; files removed from it less than {@code retainHours} ago are kept. */
  public static Purged purge(SparkSession spark, String path, int retainHours) {
    if (retainHours < 0) {
      throw new IllegalArgumentException("retention must be >= 0 hours, got " + retainHours);
    }
    boolean reorganized = deletionVectorsEnabled(spark, path);
    if (reorganized) {
      spark.sql("REORG TABLE delta.`" + path.replace("`", "``") + "` APPLY (PURGE)").collectAsList();
    }
    long deleted = vacuum(spark, path, retainHours);
    long logDeleted = cutHistory(spark, path);
    return new Purged(reorganized, deleted, logDeleted, DeltaIO.latestVersion(spark, path));
  }

  /** Whether the table's properties or features have deletion vectors on. */
  public static boolean deletionVectorsEnabled(SparkSession spark, String path) {
    Row detail = DeltaTable.forPath(spark, path).detail().select("properties", "tableFeatures").first();
    scala.collection.Map<String, String> properties = detail.getMap(0);
    Option<String> enabled = properties.get("delta.enableDeletionVectors");
    boolean property = enabled.isDefined() && "true".equals(enabled.get().toLowerCase(Locale.ROOT));
    boolean feature = !detail.isNullAt(1) && detail.getList(1).contains("deletionVectors");
    return property || feature;
  }

  private static long vacuum(SparkSession spark, String path, int retainHours) {
    String previousCheck = spark.conf().get(RETENTION_CHECK, "true");
    boolean listingSet = spark.conf().contains(LISTING_PARALLELISM);
    spark.conf().set(RETENTION_CHECK, "false");
    if (!listingSet) {
      spark.conf().set(LISTING_PARALLELISM, String.valueOf(Math.max(2, spark.sparkContext().defaultParallelism())));
    }
    try {
      DeltaTable.forPath(spark, path).vacuum(retainHours);
    } finally {
      spark.conf().set(RETENTION_CHECK, previousCheck);
      if (!listingSet) {
        spark.conf().unset(LISTING_PARALLELISM);
      }
    }
    Row last = DeltaTable.forPath(spark, path).history(1).select("operation", "operationMetrics").first();
    if (!"VACUUM END".equals(last.getString(0))) {
      return 0;
    }
    Option<String> files = last.<String, String>getMap(1).get("numDeletedFiles");
    return files.isDefined() ? Long.parseLong(files.get()) : 0;
  }

  /** Checkpoints the latest version and deletes every log file of an older version; returns how many. */
  private static long cutHistory(SparkSession spark, String path) {
    DeltaLog log = DeltaLog.forTable(spark, path);
    Snapshot snapshot = log.update(false, Option.empty(), Option.empty());
    log.checkpoint(snapshot, Option.empty());
    long kept = snapshot.version();
    Path logPath = log.logPath();
    long deleted = 0;
    try {
      FileSystem fs = logPath.getFileSystem(spark.sessionState().newHadoopConf());
      for (FileStatus file : fs.listStatus(logPath)) {
        Matcher name = LOG_FILE.matcher(file.getPath().getName());
        if (file.isFile() && name.matches() && Long.parseLong(name.group(1)) < kept
            && fs.delete(file.getPath(), false)) {
          deleted++;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot cut the history of " + path, e);
    }
    DeltaLog.invalidateCache(spark, new Path(path));
    return deleted;
  }
}
