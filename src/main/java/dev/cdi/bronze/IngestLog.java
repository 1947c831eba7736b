package dev.cdi.bronze;

import static org.apache.spark.sql.functions.col;

import dev.cdi.io.Columns;
import dev.cdi.io.DeltaIO;
import dev.cdi.io.Lakehouse;
import dev.cdi.io.Tables;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Reads and appends the ingest log ({@code bronze/_ingest_log}), the per-file manifest of ingestion. A batch is
 * logged as {@code started} (its files and fingerprints) before any data is written and as {@code committed}
 * (with per-file counts and table versions) after both data tables committed. A started batch without a
 * committed record is an interrupted one and is replayed by the next run. {@code rows_suppressed} (rows of erased
 * people dropped) was added later: logs written before it hold null there, which means none.
 */
public final class IngestLog {

  public static final StructType SCHEMA = new StructType()
      .add(Columns.IngestLog.SOURCE, DataTypes.StringType, false)
      .add(Columns.IngestLog.FILE_PATH, DataTypes.StringType, false)
      .add(Columns.IngestLog.FILE_SIZE, DataTypes.LongType, false)
      .add(Columns.IngestLog.FILE_MODIFIED_AT, DataTypes.TimestampType, false)
      .add(Columns.IngestLog.FILE_FINGERPRINT, DataTypes.StringType, false)
      .add(Columns.IngestLog.BATCH_SEQ, DataTypes.LongType, false)
      .add(Columns.IngestLog.STATUS, DataTypes.StringType, false)
      .add(Columns.IngestLog.ROWS_READ, DataTypes.LongType, true)
      .add(Columns.IngestLog.ROWS_BRONZE, DataTypes.LongType, true)
      .add(Columns.IngestLog.ROWS_QUARANTINED, DataTypes.LongType, true)
      .add(Columns.IngestLog.BLANK_LINES, DataTypes.LongType, true)
      .add(Columns.IngestLog.BRONZE_VERSION, DataTypes.LongType, true)
      .add(Columns.IngestLog.QUARANTINE_VERSION, DataTypes.LongType, true)
      .add(Columns.IngestLog.RUN_ID, DataTypes.StringType, false)
      .add(Columns.IngestLog.INGESTED_AT, DataTypes.TimestampType, false)
      .add(Columns.IngestLog.LOGGED_AT, DataTypes.TimestampType, false)
      .add(Columns.IngestLog.ROWS_SUPPRESSED, DataTypes.LongType, true);

  private final SparkSession spark;
  private final String path;

  public IngestLog(SparkSession spark, Lakehouse lakehouse) {
    this.spark = spark;
    this.path = lakehouse.path(Tables.INGEST_LOG);
  }

  /** The log's view of one source (an empty state before the first ingest). */
  public IngestLogState load(String source) {
    Optional<Dataset<Row>> table = DeltaIO.readIfExists(spark, path);
    if (table.isEmpty()) {
      return new IngestLogState(List.of(), List.of(), 0);
    }
    List<Row> rows = table.get().where(col(Columns.IngestLog.SOURCE).equalTo(source))
        .select(Columns.IngestLog.FILE_PATH, Columns.IngestLog.FILE_SIZE, Columns.IngestLog.FILE_MODIFIED_AT,
            Columns.IngestLog.FILE_FINGERPRINT, Columns.IngestLog.BATCH_SEQ, Columns.IngestLog.STATUS,
            Columns.IngestLog.RUN_ID, Columns.IngestLog.INGESTED_AT)
        .collectAsList();
    return toState(source, rows);
  }

  private static IngestLogState toState(String source, List<Row> rows) {
    Map<Long, List<Row>> started = new TreeMap<>();
    Set<Long> committedSeqs = new HashSet<>();
    List<SourceFile> committed = new ArrayList<>();
    long maxSeq = 0;
    for (Row row : rows) {
      long seq = row.getLong(4);
      maxSeq = Math.max(maxSeq, seq);
      if (Columns.IngestLog.STATUS_COMMITTED.equals(row.getString(5))) {
        committedSeqs.add(seq);
        committed.add(fileOf(row));
      } else {
        started.computeIfAbsent(seq, k -> new ArrayList<>()).add(row);
      }
    }
    List<IngestBatch> unfinished = new ArrayList<>();
    started.forEach((seq, batchRows) -> {
      if (!committedSeqs.contains(seq)) {
        Row first = batchRows.get(0);
        unfinished.add(new IngestBatch(source, seq, first.getString(6), first.getTimestamp(7).toInstant(),
            batchRows.stream().map(IngestLog::fileOf).sorted(Comparator.comparing(SourceFile::path))
                .toList()));
      }
    });
    return new IngestLogState(committed, unfinished, maxSeq);
  }

  private static SourceFile fileOf(Row row) {
    return new SourceFile(row.getString(0), row.getLong(1), row.getTimestamp(2).getTime(), row.getString(3));
  }

  /** Logs that {@code batch} is about to be written. */
  public void recordStarted(IngestBatch batch) {
    List<Row> rows = new ArrayList<>();
    Timestamp now = Timestamp.from(Instant.now());
    for (SourceFile file : batch.files()) {
      rows.add(row(batch, file, Columns.IngestLog.STATUS_STARTED, null, null, null, now));
    }
    append(rows);
  }

  /** Logs that {@code batch} is in bronze and quarantine, with its per-file counts. */
  public void recordCommitted(IngestBatch batch, Map<String, FileCounts> counts, long bronzeVersion,
                              long quarantineVersion) {
    List<Row> rows = new ArrayList<>();
    Timestamp now = Timestamp.from(Instant.now());
    for (SourceFile file : batch.files()) {
      rows.add(row(batch, file, Columns.IngestLog.STATUS_COMMITTED, counts.get(file.path()), bronzeVersion,
          quarantineVersion, now));
    }
    append(rows);
  }

  private static Row row(IngestBatch batch, SourceFile file, String status, FileCounts counts, Long bronzeVersion,
                         Long quarantineVersion, Timestamp now) {
    return RowFactory.create(batch.source(), file.path(), file.size(), new Timestamp(file.modifiedAt()),
        file.fingerprint(), batch.seq(), status,
        counts == null ? null : counts.rowsRead(), counts == null ? null : counts.rowsBronze(),
        counts == null ? null : counts.rowsQuarantined(), counts == null ? null : counts.blankLines(),
        bronzeVersion, quarantineVersion, batch.runId(), Timestamp.from(batch.ingestedAt()), now,
        counts == null ? null : counts.rowsSuppressed());
  }

  private void append(List<Row> rows) {
    DeltaIO.append(spark.createDataFrame(rows, SCHEMA).coalesce(1), path,
        DeltaIO.AppendSpec.plain().withSchemaMerge());
  }
}
