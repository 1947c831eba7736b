package dev.cdi.silver;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cdi.bronze.IngestJob;
import dev.cdi.config.ConfigException;
import dev.cdi.config.ConfigLoader;
import dev.cdi.config.Expectation;
import dev.cdi.config.PipelineConfig;
import dev.cdi.io.DeltaIO;
import dev.cdi.io.Lakehouse;
import dev.cdi.io.Tables;
import dev.cdi.pipeline.RunContext;
import dev.cdi.quality.DataQualityException;
import dev.cdi.testing.SharedSpark;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExpectationsTest {

  private final SparkSession spark = SharedSpark.session();

  private static String yaml(Path lake, Path input, String action) {
    return """
        lakehouse: %s
        input_root: %s
        quality:
          expectations:
            - {source: crm, table: identities, metric: email_invalid_rate, max: 0.2, action: %s}
        sources:
          crm:
            format: csv
            path: "*.csv"
            silver: {identity: {id: id, email: email}}
        """.formatted(lake, input, action);
  }

  @Test
  void parsesAndValidatesExpectations() {
    PipelineConfig config = ConfigLoader.parse(yaml(Path.of("/l"), Path.of("/i"), "fail"), "q.yaml");
    assertEquals(List.of(new Expectation("crm", "identities", "email_invalid_rate", null, 0.2, true)),
        config.expectations());
    Expectation rule = config.expectations().get(0);
    assertEquals("data-quality expectation on crm identities: email_invalid_rate = 0.5000 is above the maximum 0.2",
        rule.violation("crm", 0.5));
    assertEquals(null, rule.violation("crm", 0.2));
    String bad = yaml(Path.of("/l"), Path.of("/i"), "fail").replace("email_invalid_rate", "email_wrong_rate");
    assertEquals(true, assertThrows(ConfigException.class, () -> ConfigLoader.parse(bad, "q.yaml")).getMessage()
        .startsWith("quality.expectations[0].metric must be one of [address_invalid_rate, address_missing_rate,"));
    String unknown = yaml(Path.of("/l"), Path.of("/i"), "fail").replace("source: crm,", "source: crn,");
    assertEquals("quality.expectations[0].source names unknown source 'crn'; configured sources: [crm] (or * for"
        + " all) (q.yaml)", assertThrows(ConfigException.class, () -> ConfigLoader.parse(unknown, "q.yaml"))
        .getMessage());
  }

  @Test
  void aFailingExpectationStopsBeforeSilverIsWrittenAndAWarningDoesNot(@TempDir Path dir) throws IOException {
    Path input = Files.createDirectories(dir.resolve("in"));
    Files.writeString(input.resolve("a.csv"), "id,email\n1,ann@example.com\n2,not-an-email\n");
    Lakehouse lake = new Lakehouse(dir.resolve("lake").toString());
    PipelineConfig failing = ConfigLoader.parse(yaml(dir.resolve("lake"), input, "fail"), "q.yaml");
    RunContext run = new RunContext("dq-1", Instant.now(), lake);
    new IngestJob(spark, failing, run).run();

    DataQualityException e = assertThrows(DataQualityException.class, () -> new SilverJob(spark, failing, run).run());
    assertEquals("data-quality expectation on crm identities: email_invalid_rate = 0.5000 is above the maximum 0.2"
        + " (action: fail; silver was not updated for crm)", e.getMessage());
    assertEquals(false, DeltaIO.exists(spark, lake.path(Tables.SILVER_IDENTITIES)));
    assertEquals(0.5, DeltaIO.read(spark, lake.path(Tables.SILVER_DQ_METRICS))
        .where(col("metric").equalTo("email_invalid_rate")).first().getDouble(4));

    PipelineConfig warning = ConfigLoader.parse(yaml(dir.resolve("lake"), input, "warn"), "q.yaml");
    SilverResult result = new SilverJob(spark, warning, new RunContext("dq-2", Instant.now(), lake)).run();
    assertEquals(2, result.sources().get(0).identityRecords());
    assertEquals(2, DeltaIO.read(spark, lake.path(Tables.SILVER_IDENTITIES)).count());
  }
}
