package dev.cdi.pipeline;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.bround;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.regexp_extract;
import static org.apache.spark.sql.functions.sum;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cdi.cli.CdiCommand;
import dev.cdi.config.ConfigLoader;
import dev.cdi.config.InvalidTimeAction;
import dev.cdi.config.PipelineConfig;
import dev.cdi.config.SourceConfig;
import dev.cdi.identity.eval.EvaluationResult;
import dev.cdi.identity.eval.EvaluationRun;
import dev.cdi.identity.eval.EvaluationSettings;
import dev.cdi.identity.eval.IdentityEvaluator;
import dev.cdi.identity.eval.TruthLoader;
import dev.cdi.io.Columns;
import dev.cdi.io.DeltaIO;
import dev.cdi.io.Lakehouse;
import dev.cdi.io.Tables;
import dev.cdi.testing.SampleRun;
import dev.cdi.testing.SharedSpark;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Reconciles the shared sample run ({@link SampleRun}: a small sample generated with the CLI and run through the
 * pipeline with the shipped configuration) exactly against the generator's truth, file by file, and the gold
 * layer's orders and revenue too.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EndToEndIngestTest {

  /** The id column of each source's records in the generator's truth. */
  private static final Map<String, String> IDENTITY_IDS = Map.of("crm_contacts", "ContactID",
      "ecom_accounts", "account_id", "email_subscribers", "subscriber_id", "support_tickets", "ticket_id",
      "pos_loyalty", "loyalty_no");
  private static final Map<String, String> EVENT_IDS = Map.of("ecom_orders", "order_id", "web_events", "event_id",
      "email_events", "event_id", "support_tickets", "ticket_id", "pos_transactions", "txn_id",
      "app_events", "event_id");

  private final SparkSession spark = SharedSpark.session();
  private String out;
  private Lakehouse lakehouse;

  @BeforeAll
  void generateAndRun() {
    SampleRun.Sample sample = SampleRun.get();
    out = sample.input().toString();
    lakehouse = sample.lakehouse();
  }

  private Dataset<Row> truth(String name) {
    return spark.read().option("header", "true").csv(out + "/_truth/" + name);
  }

  private Dataset<Row> table(dev.cdi.io.TableId id) {
    return DeltaIO.read(spark, lakehouse.path(id));
  }

  /** Relative file name ("crm_contacts/part-00000.csv") of a qualified path. */
  private static org.apache.spark.sql.Column relative(String column) {
    return regexp_extract(col(column), "([^/]+/[^/]+)$", 1);
  }

  @Test
  void everyFileReconcilesExactlyWithTheTruth() {
    Map<String, long[]> expected = new HashMap<>();
    for (Row r : truth("files").collectAsList()) {
      long rows = Long.parseLong(r.getAs("rows"));
      long malformed = Long.parseLong(r.getAs("malformed_rows"));
      expected.put(r.getAs("file"), new long[] {rows, rows - malformed, malformed});
    }
    assertEquals(20, expected.size());
    assertTrue(expected.values().stream().mapToLong(v -> v[2]).sum() > 0, "the sample has malformed rows");

    Map<String, long[]> actual = new HashMap<>();
    for (Row r : table(Tables.INGEST_LOG).where(col(Columns.IngestLog.STATUS).equalTo("committed"))
        .select(relative(Columns.IngestLog.FILE_PATH), col("rows_read"), col("rows_bronze"), col("rows_quarantined"))
        .collectAsList()) {
      actual.put(r.getString(0), new long[] {r.getLong(1), r.getLong(2), r.getLong(3)});
    }
    Map<String, Long> quarantined = countsByFile(table(Tables.QUARANTINE), Columns.Quarantine.SOURCE_FILE);
    for (Map.Entry<String, long[]> e : expected.entrySet()) {
      String file = e.getKey();
      String source = file.substring(0, file.indexOf('/'));
      long[] want = e.getValue();
      assertEquals(List.of(want[0], want[1], want[2]), List.of(actual.get(file)[0], actual.get(file)[1],
          actual.get(file)[2]), "ingest log of " + file);
      long bronzeRows = countsByFile(table(Tables.bronze(source)), Columns.Bronze.SOURCE_FILE).getOrDefault(file, 0L);
      assertEquals(want[1], bronzeRows, "bronze rows of " + file);
      assertEquals(want[2], quarantined.getOrDefault(file, 0L), "quarantined rows of " + file);
    }
  }

  private Map<String, Long> countsByFile(Dataset<Row> data, String fileColumn) {
    Map<String, Long> out = new HashMap<>();
    data.groupBy(relative(fileColumn).as("f")).agg(count(lit(1))).collectAsList()
        .forEach(r -> out.put(r.getString(0), r.getLong(1)));
    return out;
  }

  @Test
  void everyTruthRecordIsInBronzeExactlyOnce() {
    assertEachIdOnce(truth("identities"), "source_record_id", IDENTITY_IDS);
    assertEachIdOnce(truth("events"), "event_id", EVENT_IDS);
  }

  private void assertEachIdOnce(Dataset<Row> truth, String truthId, Map<String, String> idColumns) {
    idColumns.forEach((source, idColumn) -> {
      Dataset<Row> ids = truth.where(col("source").equalTo(source)).select(col(truthId).as("id"));
      long expected = ids.count();
      assertTrue(expected > 0, source + " has truth records");
      Dataset<Row> bronze = table(Tables.bronze(source)).select(col(idColumn).as("id"));
      long matches = ids.join(bronze, "id").count();
      assertEquals(expected, matches, source + ": truth ids found in bronze (each exactly once)");
    });
  }

  @Test
  void bronzeCarriesRawFieldsAsStringsPlusLineage() {
    Dataset<Row> crm = table(Tables.bronze("crm_contacts"));
    assertEquals(List.of("ContactID", "FirstName", "LastName", "Email", "Phone", "MailingStreet", "MailingCity",
        "MailingState", "MailingPostalCode", "Birthdate", "CreatedDate", "LastModifiedDate", "EmailOptOut",
        "Description", "_source", "_source_file", "_file_modified_at", "_file_fingerprint", "_ingested_at",
        "_ingest_date", "_run_id", "_row_number", "_row_hash"), List.of(crm.columns()));
    assertEquals(1, crm.select("_run_id").distinct().count());
    assertEquals("e2e-1", crm.first().getAs("_run_id"));
    assertEquals(crm.count(), crm.select("_row_hash").distinct().count());
  }

  @Test
  void everyTruthRecordIsInSilverExactlyOnce() {
    Dataset<Row> identities = table(Tables.SILVER_IDENTITIES);
    assertEquals(identities.count(), identities.select("record_key").distinct().count());
    Dataset<Row> truthKeys = truth("identities").select(concat_ws(":", col("source"), col("source_record_id"))
        .as("record_key"));
    long truthCount = truthKeys.count();
    assertEquals(List.of(), truthKeys.join(identities, truthKeys.col("record_key").equalTo(identities.col("record_key")),
        "left_anti").collectAsList().stream().map(r -> r.getString(0)).toList(), "truth identities missing in silver");
    assertEquals(truthCount, identities.count(), "silver holds exactly the truth's identity records");

    Dataset<Row> events = table(Tables.SILVER_EVENTS);
    Dataset<Row> truthEvents = truth("events").select(concat_ws(":", col("source"), col("event_id")).as("event_key"));
    Dataset<Row> held = DeltaIO.readIfExists(spark, lakehouse.path(Tables.SILVER_QUARANTINE))
        .orElse(spark.emptyDataFrame().withColumn("key", lit(null).cast("string")))
        .select(col("key").as("event_key")).distinct().join(events, "event_key", "left_anti");
    assertEquals(List.of(), truthEvents.join(events, "event_key", "left_anti").join(held, "event_key", "left_anti")
        .limit(10).collectAsList().stream().map(r -> r.getString(0)).toList(),
        "truth events neither in silver nor quarantined");
    assertEquals(truthEvents.count(), events.count() + held.count(), "silver holds exactly the truth's events");
  }

  @Test
  void unparsableTimesOfQuarantiningSourcesAreQuarantinedOnePerBadRow() {
    PipelineConfig config = ConfigLoader.load(Path.of("conf/pipeline.yaml"));
    List<String> quarantining = config.sources().values().stream()
        .filter(s -> s.silverMapping().map(m -> m.invalidTimes() == InvalidTimeAction.QUARANTINE).orElse(false))
        .map(SourceConfig::name).sorted().toList();
    assertEquals(List.of("email_events", "pos_transactions", "web_events"), quarantining);
    long bad = truth("files").where(col("source").isin(quarantining.toArray())).collectAsList().stream()
        .mapToLong(r -> Long.parseLong(r.getAs("bad_timestamp_rows"))).sum();
    long held = DeltaIO.readIfExists(spark, lakehouse.path(Tables.SILVER_QUARANTINE)).map(Dataset::count).orElse(0L);
    assertEquals(bad, held, "one quarantine row per unparsable time of a quarantining source");
    double counted = table(Tables.SILVER_DQ_METRICS).where(col("run_id").equalTo("e2e-1")
        .and(col("metric").equalTo("rows_quarantined"))).agg(sum("value")).first().getDouble(0);
    assertEquals((double) bad, counted);
  }

  /**
   * Accuracy floors on this 400-customer sample. They sit a few points under what the current resolver measures
   * here (precision 0.988, recall 0.939 with this seed: 944 of 955 predicted pairs right, 1,005 true pairs) so
   * that a regression fails the build; identifier links alone reach precision 0.996 and recall 0.85 on the demo
   * sample, so recall above 0.92 shows the fuzzy path and the nickname levels work.
   */
  private static final double PRECISION_FLOOR = 0.97;
  private static final double RECALL_FLOOR = 0.92;

  @Test
  void identityResolutionGivesEveryRecordOneCustomerAndMeetsItsFloors() {
    Dataset<Row> map = table(Tables.IDENTITY_MAP);
    long records = table(Tables.SILVER_IDENTITIES).count();
    assertEquals(records, map.count());
    assertEquals(records, map.select("record_key").distinct().count());
    EvaluationResult result = new IdentityEvaluator(EvaluationSettings.DEFAULTS).evaluate(
        new EvaluationRun("e2e-1", "sample", java.time.Instant.now()),
        map.select("record_key", "customer_id"), TruthLoader.generatorTruth(spark, out));
    assertEquals(records, result.records().evaluated(), "every truth record is resolved");
    assertTrue(result.metrics().pairwisePrecision() >= PRECISION_FLOOR, "precision " + result.metrics());
    assertTrue(result.metrics().pairwiseRecall() >= RECALL_FLOOR, "recall " + result.metrics());
    assertTrue(table(Tables.IDENTITY_EVENT_MAP).count() > 0, "events are tied to customers");
  }

  @Test
  void dataQualityMetricsAreWrittenPerSourceAndTable() {
    Dataset<Row> dq = table(Tables.SILVER_DQ_METRICS).where(col("run_id").equalTo("e2e-1"));
    assertEquals(12, dq.where(col("metric").equalTo("rows_out")).count(), "6 identity + 6 event mappings");
    Row crm = dq.where(col("source").equalTo("crm_contacts").and(col("metric").equalTo("email_invalid_rate")))
        .first();
    assertTrue(crm.getDouble(crm.fieldIndex("value")) < 0.2, "CRM email invalid rate is plausible");
  }

  /**
   * Gold against the truth. A person is correctly resolved when their identity records are exactly one customer's
   * records and the orders and POS sales that identity resolution tied to anyone are, for this person, exactly the
   * ones tied to that customer (walk-in POS sales without a loyalty number carry nothing that could tie them, so
   * they count for nobody). For every such person, the customer's golden record must hold the orders (conversions
   * with an amount above zero) and the revenue (in USD at the configured rates) that the truth gives. Most persons
   * must qualify (about 92% do on the demo sample), so the check is not vacuous.
   */
  @Test
  void goldRevenueAndOrdersOfEveryCorrectlyResolvedPersonEqualTheTruth() {
    Dataset<Row> records = truth("identities").select(concat_ws(":", col("source"), col("source_record_id"))
        .as("record_key"), col("person_id")).join(table(Tables.IDENTITY_MAP), "record_key");
    Dataset<Row> exactClusters = records.groupBy("person_id").agg(countDistinct("customer_id").as("n"),
            first("customer_id").as("customer_id")).where(col("n").equalTo(1)).drop("n")
        .join(records.groupBy("customer_id").agg(countDistinct("person_id").as("m")).where(col("m").equalTo(1)),
            "customer_id").drop("m");
    Dataset<Row> conversions = table(Tables.SILVER_EVENTS).where(col("event_type").isin("order", "pos_sale"))
        .select("event_key", "amount", "currency");
    Dataset<Row> byCustomer = table(Tables.IDENTITY_EVENT_MAP).select("event_key", "customer_id")
        .join(conversions, "event_key");
    Dataset<Row> byPerson = truth("events").select(concat_ws(":", col("source"), col("event_id")).as("event_key"),
        col("person_id")).join(byCustomer.select("event_key", "amount", "currency"), "event_key");
    Dataset<Row> eventsAgree = exactClusters.join(setOfEvents(byPerson, "person_id"), "person_id", "left")
        .join(setOfEvents(byCustomer, "customer_id"), "customer_id", "left")
        .where(coalesce(col("person_id_events"), array()).equalTo(coalesce(col("customer_id_events"), array())));
    long persons = truth("identities").select("person_id").distinct().count();
    long correct = eventsAgree.count();
    assertTrue(correct >= 0.85 * persons, correct + " of " + persons + " persons correctly resolved");
    Column usd = when(col("currency").equalTo("CAD"), bround(col("amount").multiply(lit(new BigDecimal("0.73"))), 2))
        .when(col("currency").equalTo("EUR"), bround(col("amount").multiply(lit(new BigDecimal("1.08"))), 2))
        .otherwise(col("amount"));
    Dataset<Row> expected = byPerson.where(col("amount").gt(0)).groupBy("person_id")
        .agg(count(lit(1)).as("truth_orders"), sum(usd).cast("decimal(18,2)").as("truth_revenue"));
    Dataset<Row> compared = eventsAgree.join(expected, "person_id", "left")
        .join(table(Tables.GOLD_CUSTOMER_360).select("customer_id", "orders", "revenue"), "customer_id", "left")
        .select(col("person_id"), col("customer_id"), coalesce(col("truth_orders"), lit(0L)).as("truth_orders"),
            col("orders"), coalesce(col("truth_revenue"), lit(BigDecimal.ZERO)).cast("decimal(18,2)")
                .as("truth_revenue"), col("revenue"));
    List<String> wrong = compared.where(not(col("orders").eqNullSafe(col("truth_orders"))
            .and(col("revenue").eqNullSafe(col("truth_revenue"))))).limit(10).collectAsList().stream()
        .map(Row::toString).toList();
    assertEquals(List.of(), wrong, "customers whose orders or revenue differ from the truth");
    Row totals = compared.agg(sum("truth_orders"), sum("truth_revenue")).first();
    assertTrue(totals.getLong(0) > 100, "the sample's correctly resolved persons have orders: " + totals);
  }

  private static Dataset<Row> setOfEvents(Dataset<Row> events, String owner) {
    return events.groupBy(owner).agg(array_sort(collect_set("event_key")).as(owner + "_events"));
  }

  @Test
  void goldTablesAreBuiltWithConsistentKeys() {
    Dataset<Row> customers = table(Tables.GOLD_CUSTOMER_360);
    assertEquals(table(Tables.IDENTITY_MAP).select("customer_id").distinct().count(), customers.count(),
        "one golden record per customer id of the map");
    Dataset<Row> journey = table(Tables.GOLD_JOURNEY);
    assertEquals(0, journey.join(customers, "customer_id", "left_anti").count(), "journeys only of live customers");
    assertEquals(0, journey.join(table(Tables.GOLD_ANONYMOUS_JOURNEY), "event_key").count(),
        "a touchpoint is either a customer's or anonymous");
    Dataset<Row> members = table(Tables.GOLD_HOUSEHOLDS).select(explode(col("customer_ids")).as("customer_id"));
    assertEquals(customers.count(), members.count(), "every customer in exactly one household");
    assertEquals(customers.count(), members.distinct().count());
    Dataset<Row> sums = table(Tables.GOLD_ATTRIBUTION).groupBy("conversion_event_key").agg(
        sum("credit_first_touch").as("f"), sum("credit_last_touch").as("l"), sum("credit_linear").as("n"),
        sum("credit_time_decay").as("t"), sum("credit_position_based").as("p"));
    assertEquals(journey.where(col("is_conversion")).count(), sums.count(), "every timed conversion is credited");
    for (String model : List.of("f", "l", "n", "t", "p")) {
      assertEquals(0, sums.where(abs(col(model).minus(lit(1.0))).gt(1e-9)).count(), model);
    }
  }

  @Test
  void aSecondRunIngestsNothing() {
    Map<dev.cdi.io.TableId, Long> goldVersions = new HashMap<>();
    for (dev.cdi.io.TableId gold : GOLD) {
      goldVersions.put(gold, DeltaIO.latestVersion(spark, lakehouse.path(gold)));
    }
    long identitiesVersion = DeltaIO.latestVersion(spark, lakehouse.path(Tables.SILVER_IDENTITIES));
    long quarantineVersion = DeltaIO.latestVersion(spark, lakehouse.path(Tables.QUARANTINE));
    long logVersion = DeltaIO.latestVersion(spark, lakehouse.path(Tables.INGEST_LOG));
    assertEquals(0, CdiCommand.execute("run", "--conf", "conf/pipeline.yaml", "--input", out, "--lakehouse",
        lakehouse.root(), "--run-id", "e2e-2"));
    assertEquals(quarantineVersion, DeltaIO.latestVersion(spark, lakehouse.path(Tables.QUARANTINE)));
    assertEquals(logVersion, DeltaIO.latestVersion(spark, lakehouse.path(Tables.INGEST_LOG)));
    assertEquals(0, table(Tables.bronze("web_events")).where(col("_run_id").equalTo("e2e-2")).count());
    assertEquals(identitiesVersion, DeltaIO.latestVersion(spark, lakehouse.path(Tables.SILVER_IDENTITIES)));
    for (dev.cdi.io.TableId gold : GOLD) {
      assertEquals(goldVersions.get(gold), DeltaIO.latestVersion(spark, lakehouse.path(gold)),
          gold + ": the rerun wrote nothing");
    }
  }

  private static final List<dev.cdi.io.TableId> GOLD = List.of(Tables.GOLD_CUSTOMER_360, Tables.GOLD_JOURNEY,
      Tables.GOLD_ANONYMOUS_JOURNEY, Tables.GOLD_ATTRIBUTION, Tables.GOLD_HOUSEHOLDS);
}
