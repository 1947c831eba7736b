package dev.cdi.bronze;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cdi.config.ConfigLoader;
import dev.cdi.config.PipelineConfig;
import dev.cdi.io.Columns;
import dev.cdi.io.DeltaIO;
import dev.cdi.io.Lakehouse;
import dev.cdi.io.Tables;
import dev.cdi.pipeline.RunContext;
import dev.cdi.privacy.IdentifierHasher;
import dev.cdi.privacy.IdentifierKind;
import dev.cdi.privacy.PrivacySalt;
import dev.cdi.privacy.SuppressionList;
import dev.cdi.testing.SharedSpark;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ingestion drops the rows of erased people (the suppression list) and reconciles them as suppressed. */
class SuppressionIngestTest {

  private static final PrivacySalt SALT = PrivacySalt.of("test-salt-0123456789");

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
    lakehouse = new Lakehouse(dir.resolve("lake").toString());
    config = ConfigLoader.parse("""
        lakehouse: %s
        input_root: %s
        sources:
          crm:
            format: csv
            path: crm/*.csv
            options: {delimiter: ";"}
            silver:
              identity: {id: id, email: email, phone: phone}
          web:
            format: jsonl
            path: web
            silver:
              events: {id: event_id, type: {value: page}, timestamp: ts, cookie_id: cookie}
        """.formatted(lakehouse.root(), input), "inline.yaml");
    IdentifierHasher hasher = SALT.hasher();
    new SuppressionList(spark, lakehouse).add("erase-1", Map.of(
        IdentifierKind.EMAIL, Set.of(hasher.hash(IdentifierKind.EMAIL, "ann@x.com")),
        IdentifierKind.PHONE, Set.of(hasher.hash(IdentifierKind.PHONE, "+14155550134")),
        IdentifierKind.RECORD, Set.of(hasher.hash(IdentifierKind.RECORD, "crm:7")),
        IdentifierKind.ID, Set.of(hasher.hash(IdentifierKind.ID, "c2")),
        IdentifierKind.EVENT, Set.of(hasher.hash(IdentifierKind.EVENT, "web:e9"))), SALT);
  }

  private void write(String relative, String text) throws IOException {
    Files.writeString(input.resolve(relative), text, StandardCharsets.UTF_8);
  }

  private IngestResult ingest(Optional<PrivacySalt> salt) {
    return new IngestJob(spark, config, new RunContext("run-1", Instant.parse("2026-11-24T10:00:00Z"), lakehouse),
        salt).run();
  }

  @Test
  void rowsOfErasedPeopleAreDroppedAndCountedAsSuppressed() throws IOException {
    write("crm/a.csv", """
        id;name;email;phone;notes
        1;Ann;ANN@X.COM;;
        2;Bob;bob@x.com;(415) 555-0134;
        3;Cy;cy@x.com;;
        7;Dee;dee@x.com;;
        4;Eve;eve@x.com;;"ask ann+promo@x.com"
        5;Ann;ann@x.com
        6;Gus
        """);
    write("web/1.jsonl", """
        {"event_id":"e1","cookie":"c1"}
        {"event_id":"e2","cookie":" c2 "}
        {"event_id":"e9","cookie":"c3"}
        {"event_id":"e4","cookie":"c4","note":"415.555.0134"}
        {broken "ann@x.com"
        """);

    IngestResult result = ingest(Optional.of(SALT));

    assertEquals(List.of("crm|7|1|1|5", "web|5|1|0|4"), result.sources().stream().map(s -> String.join("|",
        s.source(), String.valueOf(s.rowsRead()), String.valueOf(s.rowsBronze()), String.valueOf(s.rowsQuarantined()),
        String.valueOf(s.rowsSuppressed()))).toList());
    assertEquals(List.of("3"), DeltaIO.read(spark, lakehouse.path(Tables.bronze("crm"))).select("id")
        .collectAsList().stream().map(r -> r.getString(0)).toList());
    assertEquals(List.of("e1"), DeltaIO.read(spark, lakehouse.path(Tables.bronze("web"))).select("event_id")
        .collectAsList().stream().map(r -> r.getString(0)).toList());
    assertEquals(List.of("6;Gus"), DeltaIO.read(spark, lakehouse.path(Tables.QUARANTINE)).select("raw_text")
        .collectAsList().stream().map(r -> r.getString(0)).toList());
    List<Row> log = DeltaIO.read(spark, lakehouse.path(Tables.INGEST_LOG))
        .where(col(Columns.IngestLog.STATUS).equalTo(Columns.IngestLog.STATUS_COMMITTED)).orderBy("source")
        .select("rows_read", "rows_bronze", "rows_quarantined", "rows_suppressed").collectAsList();
    assertEquals("[[7,1,1,5], [5,1,0,4]]", log.toString());
    for (Row r : log) {
      assertEquals(r.getLong(0), r.getLong(1) + r.getLong(2) + r.getLong(3),
          "read = bronze + quarantined + suppressed");
    }
  }

  @Test
  void refusesToIngestWithoutTheSaltOrWithAnother() throws IOException {
    write("crm/a.csv", "id;name;email;phone\n3;Cy;cy@x.com;\n");

    IllegalStateException missing = assertThrows(IllegalStateException.class, () -> ingest(Optional.empty()));
    assertTrue(missing.getMessage().contains("CDI_PRIVACY_SALT is not set"), missing.getMessage());
    IllegalStateException other = assertThrows(IllegalStateException.class,
        () -> ingest(Optional.of(PrivacySalt.of("another-salt-9876543210"))));
    assertTrue(other.getMessage().contains("is not the salt"), other.getMessage());
    assertTrue(!DeltaIO.exists(spark, lakehouse.path(Tables.bronze("crm"))), "nothing was ingested");
  }
}
