package dev.cdi.pipeline;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cdi.cli.CdiCommand;
import dev.cdi.gold.GoldComparison;
import dev.cdi.io.Columns;
import dev.cdi.io.Columns.Bronze;
import dev.cdi.io.DeltaIO;
import dev.cdi.io.Lakehouse;
import dev.cdi.io.TableId;
import dev.cdi.io.Tables;
import dev.cdi.testing.SharedSpark;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/**
 * Kills the pipeline for real, in child JVMs, at nine points across the four stages, one after another on one
 * lakehouse: each rerun completes what the previous crash left and dies at the next point. Six points are exact
 * ({@link FaultInjection} halts the JVM between two commits, as abruptly as SIGKILL); three are SIGKILLs from
 * outside ({@code Process.destroyForcibly()}) while a bronze append or a gold MERGE has written data files but not
 * committed, and in the middle of resolve's scoring. A final {@code cdi run} then completes the run, and every
 * table equals that of an uninterrupted run of the same run id on the same input (started at the same time, in a
 * child JVM too; both with the shipped configuration cut down to the four sources the test generates): the same
 * bronze, quarantine and silver rows with no duplicates, the same identity map, and the same keys and row hashes
 * in every gold table.
 */
class CrashRecoveryTest {

  private static final List<String> SOURCES = List.of("crm_contacts", "ecom_accounts", "ecom_orders", "web_events");
  private static final String RUN_ID = "R1";
  private static final Duration TIMEOUT = Duration.ofMinutes(30);

  private final SparkSession spark = SharedSpark.session();
  @TempDir
  Path dir;
  private Path input;
  private Path conf;
  private int children;

  @Test
  void runsKilledInEveryStageRerunToTheTablesOfAnUninterruptedRun() throws IOException {
    input = generateInput();
    conf = trimmedConfiguration();
    Lakehouse baseline = new Lakehouse(dir.resolve("baseline").toString());
    Lakehouse crashed = new Lakehouse(dir.resolve("crashed").toString());
    try (ChildCli uninterrupted = ChildCli.start(dir, "baseline", Map.of(), args("run", baseline))) {
      List<String> kills = new ArrayList<>();
      kills.add(halt("run", crashed, "ingest.bronze-committed:crm_contacts"));
      kills.add(killBeforeCommit("run", crashed, "bronze/ecom_accounts", 0));
      kills.add(halt("run", crashed, "standardize.merged:crm_contacts:identities"));
      kills.add(halt("run", crashed, "standardize.metrics-written:ecom_orders"));
      kills.add(killOnLog("resolve", crashed, "resolve " + RUN_ID + ": scoring"));
      kills.add(halt("resolve", crashed, "resolve.history-written"));
      assertTrue(DeltaIO.exists(spark, crashed.path(Tables.IDENTITY_ID_HISTORY)), "the id history comes first");
      assertFalse(DeltaIO.exists(spark, crashed.path(Tables.IDENTITY_MAP)), "the map comes after the history");
      kills.add(halt("resolve", crashed, "resolve.map-written"));
      kills.add(halt("run", crashed, "build-gold.written:customer_360"));
      kills.add(killBeforeCommit("build-gold", crashed, "gold/journey", 1));
      System.out.println("kill points: " + String.join("; ", kills));

      try (ChildCli rerun = ChildCli.start(dir, "rerun", Map.of(), args("run", crashed))) {
        assertEquals(0, rerun.awaitExit(TIMEOUT), rerun.tail());
        assertTrue(rerun.log().contains("taking over the lakehouse lock"), rerun.tail());
      }
      assertEquals(0, uninterrupted.awaitExit(TIMEOUT), uninterrupted.tail());
    }
    assertSameTables(baseline, crashed);
    assertFalse(Files.exists(Path.of(baseline.root(), LakehouseLock.FILE_NAME)));
    assertFalse(Files.exists(Path.of(crashed.root(), LakehouseLock.FILE_NAME)));
  }

  /** Generated dumps of four sources (CSV and JSON lines; identities, orders, web events), 3% malformed rows. */
  private Path generateInput() throws IOException {
    Path raw = dir.resolve("input");
    assertEquals(0, CdiCommand.execute("generate", "--customers", "40", "--seed", "7", "--out", raw.toString(),
        "--bad-row-rate", "0.03"));
    try (Stream<Path> folders = Files.list(raw)) {
      for (Path folder : folders.filter(f -> !SOURCES.contains(f.getFileName().toString())).toList()) {
        deleteTree(folder);
      }
    }
    return raw;
  }

  /**
   * The shipped configuration with only {@link #SOURCES} (the others would find no files, but every stage would
   * still look for each of them).
   */
  @SuppressWarnings("unchecked")
  private Path trimmedConfiguration() throws IOException {
    Map<String, Object> root = new Yaml().load(Files.readString(Path.of("conf/pipeline.yaml")));
    ((Map<String, Object>) root.get("sources")).keySet().retainAll(SOURCES);
    Map<String, Object> survivorship = (Map<String, Object>) ((Map<String, Object>) root.get("gold"))
        .get("survivorship");
    for (Object rule : survivorship.values()) {
      Object sources = ((Map<String, Object>) rule).get("sources");
      if (sources != null) {
        ((List<String>) sources).retainAll(SOURCES);
      }
    }
    return Files.writeString(dir.resolve("pipeline.yaml"), new Yaml().dump(root));
  }

  private List<String> args(String command, Lakehouse lakehouse) {
    return List.of(command, "--conf", conf.toString(), "--input", input.toString(), "--lakehouse",
        lakehouse.root(), "--run-id", RUN_ID, "--master", "local[2]");
  }

  private ChildCli child(String command, Lakehouse lakehouse, Map<String, String> properties) {
    children++;
    return ChildCli.start(dir, "crash-" + children, properties, args(command, lakehouse));
  }

  /** Runs {@code command} until the JVM halts at {@code point}, and checks that it did. */
  private String halt(String command, Lakehouse lakehouse, String point) {
    try (ChildCli child = child(command, lakehouse, Map.of(FaultInjection.HALT_AT, point))) {
      assertEquals(ChildCli.KILLED, child.awaitExit(TIMEOUT), point + " was not reached:\n" + child.tail());
      assertTrue(child.log().contains("fault injection: halting at " + point), child.tail());
      return command + " halted at " + point;
    }
  }

  /** Runs {@code command} and SIGKILLs it once it has logged {@code marker}. */
  private String killOnLog(String command, Lakehouse lakehouse, String marker) {
    try (ChildCli child = child(command, lakehouse, Map.of())) {
      assertTrue(child.awaitLog(marker, TIMEOUT), "no '" + marker + "' in:\n" + child.tail());
      assertEquals(ChildCli.KILLED, child.kill());
      return command + " SIGKILLed after '" + marker + "'";
    }
  }

  /**
   * Runs {@code command} and SIGKILLs it as soon as {@code table} holds data files while its version
   * {@code version} is not committed: the write's files are there, its commit is not. Says whether the kill came
   * before the commit (a fast commit can slip in between the check and the kill; the rerun must cope either way).
   */
  private String killBeforeCommit(String command, Lakehouse lakehouse, String table, long version) {
    Path root = Path.of(lakehouse.root(), table);
    Path commit = root.resolve("_delta_log").resolve(String.format("%020d.json", version));
    try (ChildCli child = child(command, lakehouse, Map.of())) {
      assertTrue(child.awaitWhileAlive(() -> hasDataFiles(root) || Files.exists(commit), TIMEOUT),
          table + " was never written:\n" + child.tail());
      assertEquals(ChildCli.KILLED, child.kill());
      return command + " SIGKILLed while writing " + table + " version " + version
          + (Files.exists(commit) ? " (after its commit)" : " (data files written, not committed)");
    }
  }

  private static boolean hasDataFiles(Path table) {
    if (!Files.isDirectory(table)) {
      return false;
    }
    try (Stream<Path> files = Files.walk(table)) {
      return files.anyMatch(f -> f.getFileName().toString().endsWith(".parquet")
          && !f.toString().contains("_delta_log"));
    } catch (IOException | java.io.UncheckedIOException e) {
      return false;
    }
  }

  private void assertSameTables(Lakehouse expected, Lakehouse actual) {
    for (String source : SOURCES) {
      assertEquals(bronzeFigures(expected, source), bronzeFigures(actual, source), "bronze/" + source);
    }
    long quarantined = count(expected, Tables.QUARANTINE);
    assertTrue(quarantined > 0, "the input has malformed rows");
    assertEquals(quarantined, count(actual, Tables.QUARANTINE), "bronze/_quarantine");
    assertEquals(ingestLog(expected), ingestLog(actual), "bronze/_ingest_log");
    assertEquals(content(expected, Tables.SILVER_IDENTITIES, Columns.Identities.RECORD_KEY),
        content(actual, Tables.SILVER_IDENTITIES, Columns.Identities.RECORD_KEY), "silver/identities");
    assertEquals(content(expected, Tables.SILVER_EVENTS, Columns.Events.EVENT_KEY),
        content(actual, Tables.SILVER_EVENTS, Columns.Events.EVENT_KEY), "silver/events");
    assertEquals(count(expected, Tables.SILVER_DQ_METRICS), count(actual, Tables.SILVER_DQ_METRICS),
        "silver/_dq_metrics");
    assertEquals(sorted(expected, Tables.IDENTITY_MAP, Columns.IdentityMap.RECORD_KEY,
        Columns.IdentityMap.CUSTOMER_ID), sorted(actual, Tables.IDENTITY_MAP, Columns.IdentityMap.RECORD_KEY,
        Columns.IdentityMap.CUSTOMER_ID), "identity/identity_map");
    assertEquals(sorted(expected, Tables.IDENTITY_EVENT_MAP, Columns.EventMap.EVENT_KEY,
        Columns.EventMap.CUSTOMER_ID), sorted(actual, Tables.IDENTITY_EVENT_MAP, Columns.EventMap.EVENT_KEY,
        Columns.EventMap.CUSTOMER_ID), "identity/event_map");
    assertEquals(count(expected, Tables.IDENTITY_ID_HISTORY), count(actual, Tables.IDENTITY_ID_HISTORY),
        "identity/id_history");
    assertEquals(List.of(RUN_ID), sorted(actual, Tables.IDENTITY_RUNS, "run_id"), "identity/_runs");
    GoldComparison.KEYS.forEach((table, key) -> {
      List<String> want = sorted(expected, table, key, "row_hash");
      assertFalse(want.isEmpty(), table + " is empty");
      assertEquals(want, sorted(actual, table, key, "row_hash"), table.toString());
    });
  }

  /** Rows, distinct (file, row number) pairs and distinct row hashes of a bronze table. */
  private String bronzeFigures(Lakehouse lakehouse, String source) {
    Dataset<Row> bronze = DeltaIO.read(spark, lakehouse.path(Tables.bronze(source)));
    return bronze.count() + " rows, " + bronze.select(Bronze.SOURCE_FILE, Bronze.ROW_NUMBER).distinct().count()
        + " distinct rows, " + bronze.select(Bronze.ROW_HASH).distinct().count() + " distinct hashes";
  }

  /** Committed files with their counts, and batches started but never committed. */
  private List<String> ingestLog(Lakehouse lakehouse) {
    Dataset<Row> log = DeltaIO.read(spark, lakehouse.path(Tables.INGEST_LOG));
    Dataset<Row> committed = log.where(col(Columns.IngestLog.STATUS).equalTo(Columns.IngestLog.STATUS_COMMITTED));
    List<String> out = new ArrayList<>(committed.select(concat_ws("|", col(Columns.IngestLog.SOURCE),
            col(Columns.IngestLog.FILE_FINGERPRINT), col(Columns.IngestLog.ROWS_READ),
            col(Columns.IngestLog.ROWS_BRONZE), col(Columns.IngestLog.ROWS_QUARANTINED)))
        .as(org.apache.spark.sql.Encoders.STRING()).collectAsList());
    out.sort(Comparator.naturalOrder());
    long unfinished = log.select(Columns.IngestLog.SOURCE, Columns.IngestLog.BATCH_SEQ).distinct()
        .except(committed.select(Columns.IngestLog.SOURCE, Columns.IngestLog.BATCH_SEQ)).count();
    out.add("unfinished batches: " + unfinished);
    return out;
  }

  private long count(Lakehouse lakehouse, TableId table) {
    return DeltaIO.read(spark, lakehouse.path(table)).count();
  }

  /** The table's rows as "c1|c2|..." over {@code columns}, sorted. */
  private List<String> sorted(Lakehouse lakehouse, TableId table, String... columns) {
    List<String> rows = new ArrayList<>(DeltaIO.read(spark, lakehouse.path(table))
        .select(concat_ws("|", java.util.Arrays.stream(columns).map(c -> col(c)).toArray(
            org.apache.spark.sql.Column[]::new))).as(org.apache.spark.sql.Encoders.STRING()).collectAsList());
    rows.sort(Comparator.naturalOrder());
    return rows;
  }

  /** Each row as "key|SHA-256 of its content", sorted; the ingest time (the run's start) is left out. */
  private List<String> content(Lakehouse lakehouse, TableId table, String key) {
    Dataset<Row> rows = DeltaIO.read(spark, lakehouse.path(table)).drop(Bronze.INGESTED_AT);
    org.apache.spark.sql.Column all = org.apache.spark.sql.functions.struct(java.util.Arrays.stream(rows.columns())
        .map(c -> col("`" + c + "`")).toArray(org.apache.spark.sql.Column[]::new));
    List<String> out = new ArrayList<>(rows.select(concat_ws("|", col(key), org.apache.spark.sql.functions.sha2(
        org.apache.spark.sql.functions.to_json(all), 256))).as(org.apache.spark.sql.Encoders.STRING())
        .collectAsList());
    out.sort(Comparator.naturalOrder());
    return out;
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
