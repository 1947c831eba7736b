package dev.cdi.pipeline;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cdi.cli.CdiCommand;
import dev.cdi.io.Columns;
import dev.cdi.io.Columns.Events;
import dev.cdi.io.Columns.IngestLog;
import dev.cdi.io.DeltaIO;
import dev.cdi.io.Lakehouse;
import dev.cdi.io.TableId;
import dev.cdi.io.Tables;
import dev.cdi.spark.S3Access;
import dev.cdi.testing.S3ProxyServer;
import dev.cdi.testing.SharedSpark;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * The pipeline with its lakehouse on S3: a real S3-protocol server (S3Proxy, its own process) on loopback, S3A
 * pointed at it by the configuration's {@code s3} section, credentials given to this JVM's Hadoop configuration
 * only. {@code cdi run} reads one source from {@code s3a://} and the others from a local folder, and writes every
 * table under {@code s3a://<bucket>/lh}; the tables are then reconciled exactly with the generator's truth and
 * with each other, and found in the server's storage.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class S3LakehouseTest {

  private static final String BUCKET = "cdi-lake";
  private static final String LAKEHOUSE = "s3a://" + BUCKET + "/lh";
  private static final String S3_SOURCE = "crm_contacts";
  /** The shipped configuration's sources this test keeps: two of identities, two of events (one anonymous). */
  private static final List<String> SOURCES = List.of(S3_SOURCE, "ecom_accounts", "ecom_orders", "web_events");
  private static final List<TableId> GOLD = List.of(Tables.GOLD_CUSTOMER_360, Tables.GOLD_JOURNEY,
      Tables.GOLD_ANONYMOUS_JOURNEY, Tables.GOLD_ATTRIBUTION, Tables.GOLD_HOUSEHOLDS);

  private final SparkSession spark = SharedSpark.session();
  private final Lakehouse lakehouse = new Lakehouse(LAKEHOUSE);
  @TempDir
  static Path dir;
  private S3ProxyServer server;
  private Path raw;
  /** The shared session's S3A settings before this test, restored afterwards. */
  private final Map<String, String> before = new HashMap<>();

  @BeforeAll
  void runThePipelineOnS3() throws IOException, InterruptedException {
    Configuration hadoop = spark.sparkContext().hadoopConfiguration();
    List.of(S3Access.ENDPOINT, S3Access.PATH_STYLE_ACCESS).forEach(key -> before.put(key, hadoop.get(key)));
    server = S3ProxyServer.start(dir.resolve("s3"));
    server.createBucket(BUCKET);
    server.configureCredentials(hadoop, BUCKET);
    raw = dir.resolve("raw");
    assertEquals(0, CdiCommand.execute("generate", "--customers", "100", "--seed", "11", "--out", raw.toString(),
        "--persons-per-partition", "100", "--bad-row-rate", "0.02"));
    upload(raw.resolve(S3_SOURCE), "s3a://" + BUCKET + "/raw/" + S3_SOURCE);
    Path conf = writeConfiguration();
    assertEquals(0, CdiCommand.execute("run", "--conf", conf.toString(), "--input", raw.toString(), "--lakehouse",
        LAKEHOUSE, "--run-id", "s3-1"), () -> "cdi run on S3 failed; S3Proxy log:\n" + server.logText());
  }

  /** Closes the S3A connection, stops the server and restores the shared session's S3A settings. */
  @AfterAll
  void stopServer() throws IOException {
    Configuration hadoop = spark.sparkContext().hadoopConfiguration();
    try {
      if (server != null) {
        FileSystem.get(URI.create("s3a://" + BUCKET + "/"), hadoop).close();
      }
    } finally {
      if (server != null) {
        server.forgetCredentials(hadoop, BUCKET);
        server.close();
      }
      before.forEach((key, value) -> {
        if (value == null) {
          hadoop.unset(key);
        } else {
          hadoop.set(key, value);
        }
      });
    }
  }

  /**
   * Uploads a local folder's files through S3A, with a connection of its own ({@code FileSystem.newInstance}):
   * the cached one that {@code cdi} uses must first be created after {@code cdi} has configured S3A.
   */
  private void upload(Path localFolder, String target) throws IOException {
    Configuration conf = new Configuration(spark.sparkContext().hadoopConfiguration());
    conf.set(S3Access.ENDPOINT, server.endpoint());
    conf.set(S3Access.PATH_STYLE_ACCESS, "true");
    org.apache.hadoop.fs.Path to = new org.apache.hadoop.fs.Path(target);
    try (FileSystem fs = FileSystem.newInstance(to.toUri(), conf); var files = Files.list(localFolder)) {
      for (Path file : files.toList()) {
        fs.copyFromLocalFile(new org.apache.hadoop.fs.Path(file.toUri()),
            new org.apache.hadoop.fs.Path(to, file.getFileName().toString()));
      }
    }
  }

  /**
   * The shipped configuration cut to {@link #SOURCES}, the S3 source read from the bucket, and an {@code s3}
   * section pointing at the server (path-style access, as S3-compatible servers on an IP address need).
   */
  @SuppressWarnings("unchecked")
  private Path writeConfiguration() throws IOException {
    Map<String, Object> root = new Yaml().load(Files.readString(Path.of("conf/pipeline.yaml"),
        StandardCharsets.UTF_8));
    Map<String, Object> sources = (Map<String, Object>) root.get("sources");
    sources.keySet().retainAll(Set.copyOf(SOURCES));
    ((Map<String, Object>) sources.get(S3_SOURCE)).put("path", "s3a://" + BUCKET + "/raw/" + S3_SOURCE + "/*.csv");
    Map<String, Object> gold = (Map<String, Object>) root.get("gold");
    for (Object rule : ((Map<String, Object>) gold.get("survivorship")).values()) {
      Object listed = ((Map<String, Object>) rule).get("sources");
      if (listed != null) {
        ((List<String>) listed).retainAll(SOURCES);
      }
    }
    Map<String, Object> s3 = new LinkedHashMap<>();
    s3.put("endpoint", server.endpoint());
    s3.put("path_style_access", true);
    root.put("s3", s3);
    DumperOptions options = new DumperOptions();
    options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
    Path conf = dir.resolve("pipeline-s3.yaml");
    Files.writeString(conf, new Yaml(options).dump(root), StandardCharsets.UTF_8);
    return conf;
  }

  /** A table's key prefix in the bucket. */
  private static String key(TableId id) {
    return "lh/" + id.layer() + "/" + id.name();
  }

  private Dataset<Row> table(TableId id) {
    return DeltaIO.read(spark, lakehouse.path(id));
  }

  private Dataset<Row> truth(String name) {
    return spark.read().option("header", "true").csv(raw.resolve("_truth").resolve(name).toString());
  }

  @Test
  void s3aWasConfiguredFromTheConfigurationFile() {
    Configuration hadoop = spark.sparkContext().hadoopConfiguration();
    assertEquals(server.endpoint(), hadoop.get(S3Access.ENDPOINT));
    assertEquals("true", hadoop.get(S3Access.PATH_STYLE_ACCESS));
  }

  @Test
  void everyTableIsOnTheS3ServerAndNothingLandedLocally() throws IOException {
    for (TableId id : GOLD) {
      assertTrue(Files.isRegularFile(server.backendPath(BUCKET, key(id) + "/_delta_log/00000000000000000000.json")),
          id + " has its first commit on the S3 server");
    }
    try (var files = Files.walk(server.backendPath(BUCKET, key(Tables.bronze(S3_SOURCE))))) {
      assertTrue(files.anyMatch(f -> f.getFileName().toString().endsWith(".parquet")),
          "bronze data files on the S3 server");
    }
    assertFalse(Files.exists(Path.of("s3a:")), "no local folder named after the scheme");
  }

  @Test
  void everyFileReconcilesExactlyWithTheTruthAndTheS3SourceWasReadFromS3() {
    Map<String, long[]> expected = new HashMap<>();
    for (Row r : truth("files").where(col("source").isin(SOURCES.toArray())).collectAsList()) {
      long rows = Long.parseLong(r.getAs("rows"));
      long malformed = Long.parseLong(r.getAs("malformed_rows"));
      expected.put(r.getAs("file"), new long[] {rows, rows - malformed, malformed});
    }
    assertEquals(2 * SOURCES.size(), expected.size());
    Map<String, long[]> actual = new HashMap<>();
    List<String> s3Paths = new ArrayList<>();
    for (Row r : table(Tables.INGEST_LOG).where(col(IngestLog.STATUS).equalTo(IngestLog.STATUS_COMMITTED))
        .select(col(IngestLog.FILE_PATH), col(IngestLog.ROWS_READ), col(IngestLog.ROWS_BRONZE),
            col(IngestLog.ROWS_QUARANTINED))
        .collectAsList()) {
      String path = r.getString(0);
      String file = path.replaceAll("^.*/([^/]+/[^/]+)$", "$1");
      actual.put(file, new long[] {r.getLong(1), r.getLong(2), r.getLong(3)});
      if (file.startsWith(S3_SOURCE + "/")) {
        s3Paths.add(path);
      }
    }
    assertEquals(expected.keySet(), actual.keySet());
    expected.forEach((file, want) -> assertEquals(List.of(want[0], want[1], want[2]),
        List.of(actual.get(file)[0], actual.get(file)[1], actual.get(file)[2]), "ingest log of " + file));
    assertEquals(List.of("s3a://" + BUCKET + "/raw/" + S3_SOURCE + "/part-00000.csv",
        "s3a://" + BUCKET + "/raw/" + S3_SOURCE + "/part-00001.csv"), s3Paths.stream().sorted().toList());
    long malformed = expected.values().stream().mapToLong(v -> v[2]).sum();
    assertEquals(malformed, table(Tables.QUARANTINE).count(), "quarantined rows");
    for (String source : SOURCES) {
      long bronze = expected.entrySet().stream().filter(e -> e.getKey().startsWith(source + "/"))
          .mapToLong(e -> e.getValue()[1]).sum();
      assertEquals(bronze, table(Tables.bronze(source)).count(), "bronze rows of " + source);
    }
  }

  @Test
  void silverAndTheIdentityMapHoldExactlyTheTruthsRecords() {
    long identities = truth("identities").where(col("source").isin(SOURCES.toArray())).count();
    assertEquals(identities, table(Tables.SILVER_IDENTITIES).count(), "silver identity records");
    long events = truth("events").where(col("source").isin(SOURCES.toArray())).count();
    long held = DeltaIO.readIfExists(spark, lakehouse.path(Tables.SILVER_QUARANTINE)).map(Dataset::count).orElse(0L);
    assertEquals(events, table(Tables.SILVER_EVENTS).count() + held, "silver events and quarantined times");
    Dataset<Row> mapped = table(Tables.IDENTITY_MAP).select(Columns.IdentityMap.RECORD_KEY);
    assertEquals(identities, mapped.count(), "identity map rows");
    assertEquals(identities, mapped.join(table(Tables.SILVER_IDENTITIES), Columns.IdentityMap.RECORD_KEY).count(),
        "every silver record is mapped once");
  }

  @Test
  void goldTablesReconcileWithSilverAndTheIdentityTables() {
    long customers = table(Tables.IDENTITY_MAP).select(Columns.IdentityMap.CUSTOMER_ID).distinct().count();
    assertTrue(customers > 50, "customers resolved: " + customers);
    assertEquals(customers, table(Tables.GOLD_CUSTOMER_360).count(), "customer_360 has one row per customer");
    assertEquals(customers, table(Tables.GOLD_HOUSEHOLDS).agg(sum(Columns.Households.MEMBERS)).first().getLong(0),
        "every customer is in exactly one household");

    Dataset<Row> events = table(Tables.SILVER_EVENTS);
    Dataset<Row> eventMap = table(Tables.IDENTITY_EVENT_MAP);
    assertEquals(eventMap.count(), table(Tables.GOLD_JOURNEY).count(), "journey: every event tied to a customer");
    long anonymous = events.join(eventMap, events.col(Events.EVENT_KEY).equalTo(eventMap.col(Events.EVENT_KEY)),
        "left_anti").where(col(Events.EVENT_TS).isNotNull().and(col(Events.COOKIE_ID).isNotNull()
        .or(col(Events.DEVICE_ID).isNotNull()).or(col(Events.EMAIL_KEY).isNotNull())
        .or(col(Events.PHONE_E164).isNotNull()).or(col(Events.LOYALTY_ID).isNotNull()))).count();
    assertTrue(anonymous > 0, "the web events leave anonymous touchpoints");
    assertEquals(anonymous, table(Tables.GOLD_ANONYMOUS_JOURNEY).count(),
        "anonymous_journey: every untied timed event with an identifier");
    long conversions = events.where(col(Events.EVENT_TYPE).equalTo("order")).join(eventMap, Events.EVENT_KEY).count();
    assertTrue(conversions > 0);
    assertEquals(conversions, table(Tables.GOLD_ATTRIBUTION).select(Columns.Attribution.CONVERSION_EVENT_KEY)
        .distinct().count(), "attribution: every order tied to a customer");
  }

  @Test
  void aSecondIngestFindsEveryFileOnS3AlreadyIngested() {
    long bronzeVersion = DeltaIO.latestVersion(spark, lakehouse.path(Tables.bronze(S3_SOURCE)));
    Path conf = dir.resolve("pipeline-s3.yaml");
    assertEquals(0, CdiCommand.execute("ingest", "--conf", conf.toString(), "--input", raw.toString(),
        "--lakehouse", LAKEHOUSE, "--run-id", "s3-2"));
    assertEquals(bronzeVersion, DeltaIO.latestVersion(spark, lakehouse.path(Tables.bronze(S3_SOURCE))));
    assertEquals(0, table(Tables.INGEST_LOG).where(col(IngestLog.RUN_ID).equalTo("s3-2")).count(),
        "nothing logged by the rerun");
    assertEquals(table(Tables.bronze(S3_SOURCE)).count(), table(Tables.bronze(S3_SOURCE))
        .groupBy(Columns.Bronze.SOURCE_FILE, Columns.Bronze.ROW_NUMBER).agg(count(lit(1))).count(),
        "no row twice");
  }
}
