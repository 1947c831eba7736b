package dev.cdi.silver;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cdi.bronze.IngestJob;
import dev.cdi.config.ConfigException;
import dev.cdi.config.ConfigLoader;
import dev.cdi.config.PipelineConfig;
import dev.cdi.io.Columns;
import dev.cdi.io.DeltaIO;
import dev.cdi.io.Lakehouse;
import dev.cdi.io.Tables;
import dev.cdi.pipeline.RunContext;
import dev.cdi.testing.SharedSpark;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.fs.FileUtil;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code silver.invalid_times}: unparsable dates and times become nulls with a count, or quarantine rows. */
class InvalidTimesTest {

  private final SparkSession spark = SharedSpark.session();

  private static String yaml(Path lake, Path input, String action) {
    return """
        lakehouse: %s
        input_root: %s
        sources:
          crm:
            format: csv
            path: "crm*.csv"
            silver:
              %s
              timezone: Europe/Paris
              identity:
                id: id
                email: email
                birth_date: {column: born, formats: [yyyy-MM-dd]}
                updated_at: {column: changed, formats: ["yyyy-MM-dd HH:mm"]}
          shop:
            format: csv
            path: "shop*.csv"
            silver:
              %s
              events:
                id: id
                type: {value: order}
                timestamp: {column: at, formats: [epoch_seconds]}
        """.formatted(lake, input, action, action);
  }

  private static Path input(Path dir) throws IOException {
    Path input = Files.createDirectories(dir.resolve("in"));
    Files.writeString(input.resolve("crm.csv"), """
        id,email,born,changed
        1,ann@example.com,1980-02-01,2024-01-01 10:00
        2,bob@example.com,01/02/1980,2024-01-01 10:00
        3,cy@example.com,1981-03-04,yesterday
        4,di@example.com,,2024-01-01 10:00
        5,ed@example.com,1980-13-45,soon
        """);
    Files.writeString(input.resolve("shop.csv"), "id,at\no1,1700000000\no2,tomorrow\no3,\n");
    return input;
  }

  @Test
  void quarantineKeepsUnparsableRecordsOutOfSilverWithAReasonAndARerunAddsNothing(@TempDir Path dir)
      throws IOException {
    PipelineConfig config = ConfigLoader.parse(yaml(dir.resolve("lake"), input(dir), "invalid_times: quarantine"),
        "t.yaml");
    Lakehouse lake = new Lakehouse(dir.resolve("lake").toString());
    RunContext run = new RunContext("t-1", Instant.now(), lake);
    new IngestJob(spark, config, run).run();
    SilverResult result = new SilverJob(spark, config, run).run();

    assertEquals(List.of("crm:1", "crm:4"), keys(DeltaIO.read(spark, lake.path(Tables.SILVER_IDENTITIES)),
        "record_key"));
    assertEquals(List.of("shop:o1", "shop:o3"), keys(DeltaIO.read(spark, lake.path(Tables.SILVER_EVENTS)),
        "event_key"));
    assertEquals(2, result.sources().get(0).identityRecords());
    assertEquals(List.of(
        "crm|identities|crm:2|unparsable birth_date: none of the formats [yyyy-MM-dd] matches (zone Europe/Paris)|2",
        "crm|identities|crm:3|unparsable updated_at: none of the formats [yyyy-MM-dd HH:mm] matches (zone"
            + " Europe/Paris)|3",
        "crm|identities|crm:5|unparsable birth_date: none of the formats [yyyy-MM-dd] matches (zone Europe/Paris);"
            + " unparsable updated_at: none of the formats [yyyy-MM-dd HH:mm] matches (zone Europe/Paris)|5",
        "shop|events|shop:o2|unparsable timestamp: none of the formats [epoch_seconds] matches (zone UTC)|2"),
        quarantine(lake));
    assertEquals(Map.of("rows_in", 5.0, "rows_quarantined", 3.0, "rows_out", 2.0, "duplicates_removed", 0.0,
        "birth_date_invalid_rate", 0.4, "updated_at_invalid_rate", 0.4), metrics(lake, "crm", "t-1"));
    assertEquals(Map.of("rows_in", 3.0, "rows_quarantined", 1.0, "rows_out", 2.0, "duplicates_removed", 0.0,
        "birth_date_invalid_rate", -1.0, "updated_at_invalid_rate", -1.0), metrics(lake, "shop", "t-1"));

    long quarantineVersion = DeltaIO.latestVersion(spark, lake.path(Tables.SILVER_QUARANTINE));
    FileUtil.fullyDelete(dir.resolve("lake/silver/_standardize_log").toFile());
    new SilverJob(spark, config, new RunContext("t-2", Instant.now(), lake)).run();
    assertEquals(quarantineVersion, DeltaIO.latestVersion(spark, lake.path(Tables.SILVER_QUARANTINE)),
        "a replay of the same bronze versions appends nothing");
    assertEquals(4, quarantine(lake).size());
    assertEquals(List.of("crm:1", "crm:4"), keys(DeltaIO.read(spark, lake.path(Tables.SILVER_IDENTITIES)),
        "record_key"));
  }

  @Test
  void nullifyIsTheDefaultAndCountsTheInvalidValues(@TempDir Path dir) throws IOException {
    PipelineConfig config = ConfigLoader.parse(yaml(dir.resolve("lake"), input(dir), ""), "t.yaml");
    Lakehouse lake = new Lakehouse(dir.resolve("lake").toString());
    RunContext run = new RunContext("n-1", Instant.now(), lake);
    new IngestJob(spark, config, run).run();
    new SilverJob(spark, config, run).run();

    Dataset<Row> identities = DeltaIO.read(spark, lake.path(Tables.SILVER_IDENTITIES));
    assertEquals(List.of("crm:1", "crm:2", "crm:3", "crm:4", "crm:5"), keys(identities, "record_key"));
    assertEquals(List.of("crm:1", "crm:3"), keys(identities.where(col("birth_date").isNotNull()), "record_key"));
    assertEquals(false, DeltaIO.exists(spark, lake.path(Tables.SILVER_QUARANTINE)));
    assertEquals(Map.of("rows_in", 5.0, "rows_quarantined", 0.0, "rows_out", 5.0, "duplicates_removed", 0.0,
        "birth_date_invalid_rate", 0.4, "updated_at_invalid_rate", 0.4), metrics(lake, "crm", "n-1"));
  }

  @Test
  void anUnknownActionIsAConfigError() {
    String bad = yaml(Path.of("/l"), Path.of("/i"), "invalid_times: drop");
    assertEquals("sources.crm.silver.invalid_times must be one of nullify, quarantine, got 'drop' (t.yaml)",
        assertThrows(ConfigException.class, () -> ConfigLoader.parse(bad, "t.yaml")).getMessage());
  }

  private static List<String> keys(Dataset<Row> table, String key) {
    return table.select(key).orderBy(key).collectAsList().stream().map(r -> r.getString(0)).toList();
  }

  private List<String> quarantine(Lakehouse lake) {
    return DeltaIO.read(spark, lake.path(Tables.SILVER_QUARANTINE)).orderBy("key").collectAsList().stream()
        .map(r -> String.join("|", r.getAs("source"), r.getAs("table"), r.getAs("key"), r.getAs("reason"),
            String.valueOf((long) r.getAs(Columns.SilverQuarantine.ROW_NUMBER)))).toList();
  }

  /** The count metrics and the time invalid rates of a source (-1 when the table has no such metric). */
  private Map<String, Double> metrics(Lakehouse lake, String source, String runId) {
    Map<String, Double> out = new TreeMap<>();
    List<String> names = List.of("rows_in", "rows_quarantined", "rows_out", "duplicates_removed",
        "birth_date_invalid_rate", "updated_at_invalid_rate");
    names.forEach(n -> out.put(n, -1.0));
    DeltaIO.read(spark, lake.path(Tables.SILVER_DQ_METRICS))
        .where(col("source").equalTo(source).and(col("run_id").equalTo(runId))).collectAsList()
        .forEach(r -> {
          if (names.contains(r.getString(3))) {
            out.put(r.getString(3), r.getDouble(4));
          }
        });
    return out;
  }
}
