package dev.cdi.bronze;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cdi.config.ConfigLoader;
import dev.cdi.config.PipelineConfig;
import dev.cdi.io.Columns;
import dev.cdi.io.DeltaIO;
import dev.cdi.io.Lakehouse;
import dev.cdi.io.Tables;
import dev.cdi.pipeline.RunContext;
import dev.cdi.testing.SharedSpark;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IngestJobTest {

  private final SparkSession spark = SharedSpark.session();
  @TempDir
  Path dir;
  private Path input;
  private PipelineConfig config;
  private Lakehouse lakehouse;

  @BeforeEach
  void setUp() throws IOException {
    input = Files.createDirectories(dir.resolve("in"));
    Files.createDirectories(input.resolve("crm"));
    Files.createDirectories(input.resolve("web"));
    Files.createDirectories(input.resolve("pq"));
    lakehouse = new Lakehouse(dir.resolve("lake").toString());
    config = ConfigLoader.parse("""
        lakehouse: %s
        input_root: %s
        ingest: {max_field_bytes: 50}
        sources:
          crm: {format: csv, path: crm/*.csv, options: {delimiter: ";"}}
          web: {format: jsonl, path: web}
          pq: {format: parquet, path: "pq/*.parquet"}
        """.formatted(lakehouse.root(), input), "inline.yaml");
  }

  private void write(String relative, String text) throws IOException {
    Files.writeString(input.resolve(relative), text, StandardCharsets.UTF_8);
  }

  private IngestResult ingest(String runId) {
    return new IngestJob(spark, config, new RunContext(runId, Instant.parse("2026-11-24T10:00:00Z"), lakehouse))
        .run();
  }

  private Dataset<Row> table(dev.cdi.io.TableId id) {
    return DeltaIO.read(spark, lakehouse.path(id));
  }

  private void writeSampleFiles() throws IOException {
    write("crm/a.csv", "id;name;email\n1;Ann;a@x.com\n2;Bob\n\n3;\"Li;u\";l@x.com\n");
    write("crm/b.csv", "id;name;email\n4;Dee;d@x.com\n");
    write("crm/empty.csv", "");
    write("web/1.jsonl", "{\"event_id\":\"e1\",\"cookie\":\"c1\",\"amount\":1.50}\n{broken\n[1]\n"
        + "{\"event_id\":\"e2\",\"cookie\":\"c2\",\"note\":\"" + "x".repeat(60) + "\"}\n");
    ParquetFixtures.write(spark, List.of(org.apache.spark.sql.RowFactory.create("p1", 7L)), new org.apache.spark.sql
        .types.StructType().add("pid", DataTypes.StringType).add("qty", DataTypes.LongType), dir.resolve("pqtmp"),
        input.resolve("pq/good.parquet"));
    Files.write(input.resolve("pq/corrupt.parquet"), new byte[] {1, 2, 3, 4, 5});
  }

  @Test
  void reconcilesEveryFileAndRecordsLineage() throws IOException {
    writeSampleFiles();
    IngestResult result = ingest("run-1");

    assertEquals(List.of(
            new Counts("crm", 3, 0, 3, 4, 3, 1, 0),
            new Counts("web", 1, 0, 1, 4, 1, 3, 0),
            new Counts("pq", 2, 0, 2, 2, 1, 1, 0)),
        result.sources().stream().map(Counts::of).toList());

    Dataset<Row> crm = table(Tables.bronze("crm"));
    assertEquals(List.of("id", "name", "email", "_source", "_source_file", "_file_modified_at", "_file_fingerprint",
        "_ingested_at", "_ingest_date", "_run_id", "_row_number", "_row_hash"), List.of(crm.columns()));
    assertEquals(List.of(DataTypes.StringType, DataTypes.StringType, DataTypes.StringType, DataTypes.StringType,
            DataTypes.StringType, DataTypes.TimestampType, DataTypes.StringType, DataTypes.TimestampType,
            DataTypes.DateType, DataTypes.StringType, DataTypes.LongType, DataTypes.StringType),
        List.of(crm.schema().fields()).stream().map(StructField::dataType).toList());
    assertEquals(List.of("1|Ann|a@x.com|a.csv|1|run-1|2026-11-24", "3|Li;u|l@x.com|a.csv|3|run-1|2026-11-24",
            "4|Dee|d@x.com|b.csv|1|run-1|2026-11-24"),
        crm.orderBy("id").collectAsList().stream().map(r -> String.join("|", r.getString(0), r.getString(1),
            r.getString(2), fileName(r.getString(4)), String.valueOf(r.getLong(10)), r.getString(9),
            r.getDate(8).toString())).toList());
    assertEquals(64, crm.first().getString(11).length());

    Dataset<Row> web = table(Tables.bronze("web"));
    assertEquals("e1|c1|1.50", web.collectAsList().stream()
        .map(r -> r.getAs("event_id") + "|" + r.getAs("cookie") + "|" + r.getAs("amount"))
        .collect(Collectors.joining()));

    assertEquals(List.of(
            "crm|a.csv|2|3|row has 2 fields, the header has 3|2;Bob",
            "pq|corrupt.parquet|null|null|unreadable Parquet file: " + "file:" + input.resolve("pq/corrupt.parquet")
                + " is not a Parquet file (length is too low: 5)|null",
            "web|1.jsonl|2|2|invalid JSON: Unexpected character ('b' (code 98)): was expecting double-quote to start"
                + " field name (at character 3)|{broken",
            "web|1.jsonl|3|3|JSON line is an array, not an object|[1]",
            "web|1.jsonl|4|4|field 'note' is 60 bytes, over ingest.max_field_bytes (50)|{\"event_id\":\"e2\",\"cookie\""
                + ":\"c2\",\"note\":\"" + "x".repeat(60) + "\"}"),
        table(Tables.QUARANTINE).orderBy("source", "source_file", "row_number").collectAsList().stream()
            .map(r -> String.join("|", r.getString(0), fileName(r.getString(1)), str(r, "row_number"),
                str(r, "line_number"), r.getString(5), String.valueOf(r.getString(6)))).toList());

    assertEquals(List.of("crm|a.csv|3|2|1|0|1", "crm|b.csv|1|1|0|0|0", "crm|empty.csv|0|0|0|0|0",
            "pq|corrupt.parquet|1|0|1|0|0", "pq|good.parquet|1|1|0|0|0", "web|1.jsonl|4|1|3|0|0"),
        table(Tables.INGEST_LOG).where(col("status").equalTo("committed")).orderBy("source", "file_path")
            .collectAsList().stream().map(r -> String.join("|", r.getString(0), fileName(r.getString(1)),
                str(r, Columns.IngestLog.ROWS_READ), str(r, "rows_bronze"),
                str(r, "rows_quarantined"), str(r, Columns.IngestLog.ROWS_SUPPRESSED), str(r, "blank_lines")))
            .toList());
    assertEquals("p1|7|1", table(Tables.bronze("pq")).collectAsList().stream()
        .map(r -> r.getAs("pid") + "|" + r.getAs("qty") + "|" + r.getAs("_row_number")).collect(Collectors.joining()));
  }

  @Test
  void secondRunIsANoOpAndNewFilesAreAppendedWithNewColumns() throws IOException {
    writeSampleFiles();
    ingest("run-1");
    long bronzeVersion = DeltaIO.latestVersion(spark, lakehouse.path(Tables.bronze("crm")));
    long logVersion = DeltaIO.latestVersion(spark, lakehouse.path(Tables.INGEST_LOG));

    IngestResult again = ingest("run-2");
    assertEquals(0, again.filesIngested());
    assertEquals(List.of(3, 1, 2), again.sources().stream().map(SourceIngestResult::filesSkipped).toList());
    assertEquals(bronzeVersion, DeltaIO.latestVersion(spark, lakehouse.path(Tables.bronze("crm"))));
    assertEquals(logVersion, DeltaIO.latestVersion(spark, lakehouse.path(Tables.INGEST_LOG)));

    write("crm/c.csv", "id;name;email;loyalty\n5;Eve;e@x.com;L9\n");
    IngestResult third = ingest("run-3");
    assertEquals(new Counts("crm", 1, 3, 4, 1, 1, 0, 0), Counts.of(third.sources().get(0)));
    Dataset<Row> crm = table(Tables.bronze("crm"));
    assertEquals(4, crm.count());
    assertEquals("L9", crm.where(col("id").equalTo("5")).first().getAs("loyalty"));
    assertEquals(3, crm.where(col("loyalty").isNull()).count());
  }

  @Test
  void interruptedBatchIsCompletedWithoutDuplicates() throws IOException {
    writeSampleFiles();
    // A run that logged its batch and committed the quarantine append, then died before the bronze append.
    IngestLog log = new IngestLog(spark, lakehouse);
    var web = config.source("web");
    List<SourceFile> files = Fingerprints.compute(spark, FileLister.list(web.resolvedPath(config.inputRoot()),
        spark.sparkContext().hadoopConfiguration()));
    IngestBatch batch = new IngestBatch("web", 1, "crashed-run", Instant.parse("2026-11-23T08:00:00Z"), files);
    log.recordStarted(batch);
    try (BatchData data = new TextBatchReader(spark, web, config.ingest(), batch)) {
      DeltaIO.append(data.quarantine(), lakehouse.path(Tables.QUARANTINE), DeltaIO.AppendSpec.plain()
          .idempotent(batch.txnAppId(), batch.seq()).partitionedBy(Columns.Quarantine.INGEST_DATE));
    }

    IngestResult result = ingest("run-2");
    SourceIngestResult webResult = result.sources().get(1);
    assertEquals(new Counts("web", 1, 0, 1, 4, 1, 3, 0), Counts.of(webResult));
    assertEquals(1, webResult.batchesReplayed());
    assertEquals(3, table(Tables.QUARANTINE).where(col("source").equalTo("web")).count());
    Dataset<Row> bronze = table(Tables.bronze("web"));
    assertEquals(1, bronze.count());
    assertEquals("crashed-run|2026-11-23", bronze.first().getAs("_run_id") + "|" + bronze.first().getAs(
        "_ingest_date"));
    assertEquals(0, ingest("run-3").filesIngested());
  }

  private static String str(Row row, String column) {
    Object value = row.getAs(column);
    return String.valueOf(value);
  }

  private static String fileName(String path) {
    return path.substring(path.lastIndexOf('/') + 1);
  }

  /** The counting part of a source result. */
  record Counts(String source, int filesIngested, int filesSkipped, int files, long read, long bronze,
                long quarantined, long suppressed) {
    static Counts of(SourceIngestResult r) {
      return new Counts(r.source(), r.filesIngested(), r.filesSkipped(), r.filesListed(), r.rowsRead(), r.rowsBronze(),
          r.rowsQuarantined(), r.rowsSuppressed());
    }
  }
}
