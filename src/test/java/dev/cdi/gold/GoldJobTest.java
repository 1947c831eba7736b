package dev.cdi.gold;

import static dev.cdi.gold.GoldRows.event;
import static dev.cdi.gold.GoldRows.fields;
import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cdi.config.ConfigLoader;
import dev.cdi.config.PipelineConfig;
import dev.cdi.io.DeltaIO;
import dev.cdi.io.Lakehouse;
import dev.cdi.io.TableId;
import dev.cdi.io.Tables;
import dev.cdi.pipeline.RunContext;
import dev.cdi.testing.SharedSpark;
import io.delta.tables.DeltaTable;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link GoldJob} on a tiny lakehouse with the shipped configuration, three times: {@code g1} builds the tables,
 * {@code g2} reruns on unchanged inputs, {@code g3} runs after identity resolution merged customer C2 into C1.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GoldJobTest {

  private static final List<TableId> GOLD = List.of(Tables.GOLD_CUSTOMER_360, Tables.GOLD_JOURNEY,
      Tables.GOLD_ANONYMOUS_JOURNEY, Tables.GOLD_ATTRIBUTION, Tables.GOLD_HOUSEHOLDS);
  private static final StructType MAP = new StructType().add("record_key", DataTypes.StringType)
      .add("source", DataTypes.StringType).add("source_record_id", DataTypes.StringType)
      .add("customer_id", DataTypes.StringType).add("run_id", DataTypes.StringType)
      .add("changed_at", DataTypes.TimestampType);
  private static final StructType EVENT_MAP = new StructType().add("event_key", DataTypes.StringType)
      .add("customer_id", DataTypes.StringType).add("resolved_by", DataTypes.StringType)
      .add("run_id", DataTypes.StringType);
  private static final StructType HISTORY = new StructType().add("old_id", DataTypes.StringType)
      .add("new_id", DataTypes.StringType).add("reason", DataTypes.StringType).add("records", DataTypes.LongType)
      .add("run_id", DataTypes.StringType).add("changed_at", DataTypes.TimestampType);

  private final SparkSession spark = SharedSpark.session();
  @TempDir
  static Path dir;
  private Lakehouse lakehouse;
  private PipelineConfig config;
  private GoldResult g1;
  private GoldResult g2;
  private GoldResult g3;
  private final Map<TableId, Long> versionsAfterG1 = new HashMap<>();
  private final Map<TableId, Long> versionsAfterG2 = new HashMap<>();
  private Map<String, Row> customersAfterG1;
  private Map<String, Row> journeyAfterG1;
  private List<String> runIdsAfterG2;
  private List<String> attributionAfterG1;

  @BeforeAll
  void buildThreeTimes() {
    lakehouse = new Lakehouse(dir.resolve("lake").toString());
    config = ConfigLoader.load(Path.of("conf/pipeline.yaml")).withLakehouse(lakehouse.root());
    writeInputs();
    g1 = run("g1");
    GOLD.forEach(t -> versionsAfterG1.put(t, version(t)));
    customersAfterG1 = byKey(table(Tables.GOLD_CUSTOMER_360), "customer_id");
    journeyAfterG1 = byKey(table(Tables.GOLD_JOURNEY), "event_key");
    attributionAfterG1 = table(Tables.GOLD_ATTRIBUTION).select("attribution_key").collectAsList().stream()
        .map(r -> r.getString(0)).sorted().toList();
    g2 = run("g2");
    GOLD.forEach(t -> versionsAfterG2.put(t, version(t)));
    runIdsAfterG2 = table(Tables.GOLD_JOURNEY).select("run_id").union(table(Tables.GOLD_CUSTOMER_360)
        .select("run_id")).distinct().collectAsList().stream().map(r -> r.getString(0)).toList();
    mergeC2IntoC1();
    g3 = run("g3");
  }

  private GoldResult run(String runId) {
    return new GoldJob(spark, config, new RunContext(runId, Instant.parse("2024-07-01T00:00:00Z"), lakehouse)).run();
  }

  private void writeInputs() {
    List<Map<String, Object>> identities = new ArrayList<>();
    identities.add(record("crm_contacts:1", "2024-01-01T00:00:00Z", "given_name", "Robert", "family_name", "Smith",
        "family_key", "smith", "email", "rob@x.com", "address_line1", "1 Main St", "postcode", "10001",
        "address_key", "1 main st 10001", "email_consent", true));
    identities.add(record("ecom_accounts:2", "2024-05-01T00:00:00Z", "given_name", "Bob", "family_name", "Smith",
        "family_key", "smith", "email", "rob@x.com", "phone_e164", "+15550000002", "email_consent", false));
    identities.add(record("ecom_accounts:3", "2024-02-01T00:00:00Z", "given_name", "Mary", "family_name", "Smith",
        "family_key", "smith", "email", "mary@x.com", "address_line1", "1 Main St", "postcode", "10001",
        "address_key", "1 main st 10001"));
    identities.add(record("pos_loyalty:4", "2024-03-01T00:00:00Z", "given_name", "Ann", "family_name", "Lee",
        "family_key", "lee", "loyalty_id", "L4"));
    DeltaIO.overwrite(GoldRows.identities(spark, identities), lakehouse.path(Tables.SILVER_IDENTITIES));
    List<Map<String, Object>> events = new ArrayList<>();
    events.add(event("email_events:e1", "email_send", "email", "2024-05-01T08:00:00Z"));
    events.add(event("email_events:e2", "email_open", "email", "2024-05-01T09:00:00Z"));
    events.add(event("web_events:w1", "page_view", "web", "2024-05-10T09:40:00Z", "cookie_id", "k1"));
    events.add(event("web_events:w2", "product_view", "web", "2024-05-10T09:55:00Z", "cookie_id", "k1"));
    events.add(event("ecom_orders:o1", "order", "ecommerce", "2024-05-10T10:00:00Z", "amount", "100.00",
        "currency", "USD", "campaign", "spring"));
    events.add(event("ecom_orders:o3", "order", "ecommerce", null, "amount", "20.00", "currency", "EUR"));
    events.add(event("support_tickets:t1", "support_ticket", "support_chat", "2024-05-12T12:00:00Z", "attributes",
        Map.of("status", "open")));
    events.add(event("ecom_orders:o2", "order", "ecommerce", "2024-05-15T10:00:00Z", "amount", "0.00",
        "currency", "USD"));
    events.add(event("pos_transactions:p1", "pos_sale", "store", "2024-05-20T15:00:00-05:00", "amount", "50.00",
        "currency", "CAD"));
    events.add(event("web_events:w9", "page_view", "web", "2024-06-30T23:59:00Z", "cookie_id", "k9"));
    DeltaIO.overwrite(GoldRows.events(spark, events), lakehouse.path(Tables.SILVER_EVENTS));
    writeMap("C2");
    writeEventMap("C2");
  }

  private static Map<String, Object> record(String key, String updated, Object... more) {
    Map<String, Object> f = fields("record_key", key, "source", key.substring(0, key.indexOf(':')),
        "source_record_id", key.substring(key.indexOf(':') + 1), "updated_at", GoldRows.ts(updated));
    f.putAll(fields(more));
    return f;
  }

  /** The identity map with Mary's record under {@code mary}. */
  private void writeMap(String mary) {
    Timestamp at = GoldRows.ts("2024-07-01T00:00:00Z");
    List<Map<String, Object>> rows = new ArrayList<>();
    for (String[] r : new String[][] {{"crm_contacts:1", "C1"}, {"ecom_accounts:2", "C1"}, {"ecom_accounts:3", mary},
        {"pos_loyalty:4", "C3"}}) {
      rows.add(fields("record_key", r[0], "source", r[0].substring(0, r[0].indexOf(':')), "source_record_id",
          r[0].substring(r[0].indexOf(':') + 1), "customer_id", r[1], "run_id", "r", "changed_at", at));
    }
    DeltaIO.overwrite(GoldRows.frame(spark, MAP, rows), lakehouse.path(Tables.IDENTITY_MAP));
  }

  private void writeEventMap(String mary) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (String[] r : new String[][] {{"email_events:e1", "C1"}, {"email_events:e2", "C1"}, {"web_events:w1", "C1"},
        {"web_events:w2", "C1"}, {"ecom_orders:o1", "C1"}, {"ecom_orders:o3", "C1"}, {"support_tickets:t1", "C1"},
        {"ecom_orders:o2", mary}, {"pos_transactions:p1", "C3"}}) {
      rows.add(fields("event_key", r[0], "customer_id", r[1], "resolved_by", "record", "run_id", "r"));
    }
    DeltaIO.overwrite(GoldRows.frame(spark, EVENT_MAP, rows), lakehouse.path(Tables.IDENTITY_EVENT_MAP));
  }

  /** What resolve does when it finds Mary's record belongs to C1: the map moves it and C2 is retired. */
  private void mergeC2IntoC1() {
    writeMap("C1");
    writeEventMap("C1");
    DeltaIO.overwrite(GoldRows.frame(spark, HISTORY, List.of(fields("old_id", "C2", "new_id", "C1", "reason",
        "merged", "records", 1L, "run_id", "r3", "changed_at", GoldRows.ts("2024-07-02T00:00:00Z")))),
        lakehouse.path(Tables.IDENTITY_ID_HISTORY));
  }

  private Dataset<Row> table(TableId id) {
    return DeltaIO.read(spark, lakehouse.path(id));
  }

  private long version(TableId id) {
    return DeltaIO.latestVersion(spark, lakehouse.path(id));
  }

  private static Map<String, Row> byKey(Dataset<Row> data, String key) {
    Map<String, Row> out = new HashMap<>();
    data.collectAsList().forEach(r -> out.put(r.getAs(key), r));
    return out;
  }

  /** Change-feed rows of a table in versions (afterVersion, upToVersion], as "change_type key". */
  private List<String> changes(TableId id, long afterVersion, long upToVersion, String key) {
    return spark.read().format("delta").option("readChangeFeed", "true").option("startingVersion", afterVersion + 1)
        .option("endingVersion", upToVersion).load(lakehouse.path(id)).collectAsList().stream()
        .map(r -> r.getAs("_change_type") + " " + r.getAs(key)).sorted().toList();
  }

  @Test
  void customer360HoldsGoldenValuesAndTraits() {
    Row c1 = customersAfterG1.get("C1");
    assertEquals(List.of("Robert", "Smith", "rob@x.com", "+15550000002", "1 Main St", false),
        List.of(c1.getAs("given_name"), c1.getAs("family_name"), c1.getAs("email"), c1.getAs("phone"),
            c1.getAs("address_line1"), c1.getAs("email_consent")));
    assertEquals("crm_contacts:1", c1.<String, Row>getJavaMap(c1.fieldIndex("provenance")).get("name").getAs("record_key"));
    assertEquals(List.of("crm_contacts", "ecom_accounts"), c1.getList(c1.fieldIndex("sources")));
    assertEquals(2, (int) c1.getAs("source_records"));
    assertEquals(List.of("k1"), c1.getList(c1.fieldIndex("cookie_ids")));
    assertEquals(2L, (long) c1.getAs("orders"), "o1 and the untimed o3; o2 (amount 0) is no order");
    assertEquals(new BigDecimal("121.60"), c1.getAs("revenue"), "100.00 USD + 20.00 EUR at 1.08");
    assertEquals(new BigDecimal("60.80"), c1.getAs("average_order_value"));
    assertEquals(LocalDate.parse("2024-06-30"), ((java.sql.Date) c1.getAs("as_of_date")).toLocalDate(),
        "the newest event date, not the clock");
    assertEquals(51, (int) c1.getAs("days_since_last_purchase"));
    assertEquals(List.of(4, 2, 2, "promising"), List.of(c1.getAs("recency_score"), c1.getAs("frequency_score"),
        c1.getAs("monetary_score"), c1.getAs("rfm_segment")));
    assertEquals(List.of(1L, 1L, 0L, 1.0, 0.0, false), List.of(c1.getAs("emails_sent"), c1.getAs("emails_opened"),
        c1.getAs("emails_clicked"), c1.getAs("email_open_rate"), c1.getAs("email_click_rate"),
        c1.getAs("email_unsubscribed")));
    assertEquals(List.of(1L, 1L), List.of(c1.getAs("support_tickets"), c1.getAs("open_support_tickets")));
    assertEquals(Map.of("email", 2L, "web", 2L, "ecommerce", 2L, "support_chat", 1L),
        c1.getJavaMap(c1.fieldIndex("channel_mix")));
    assertEquals("ecommerce", c1.getAs("preferred_channel"), "a three-way tie goes to the channel used last");
    assertEquals(7L, (long) c1.getAs("touchpoints"), "every tied event counts, the untimed o3 too");
    assertEquals(GoldRows.ts("2024-01-01T00:00:00Z"), c1.getAs("first_seen_at"), "its CRM record's update");
    Row c3 = customersAfterG1.get("C3");
    assertEquals(new BigDecimal("36.50"), c3.getAs("revenue"), "50.00 CAD at 0.73");
    Row c2 = customersAfterG1.get("C2");
    assertEquals(List.of(0L, new BigDecimal("0.00"), "prospect"), List.of(c2.getAs("orders"), c2.getAs("revenue"),
        c2.getAs("rfm_segment")));
    assertEquals(c1.<String>getAs("household_id"), c2.getAs("household_id"), "same address and family name");
    assertNotEquals(c1.<String>getAs("household_id"), c3.getAs("household_id"));
  }

  @Test
  void customer360HasItsDocumentedSchemaAndTheChangeFeedOn() {
    assertEquals("customer_id:string,given_name:string,middle_name:string,family_name:string,email:string,"
        + "phone:string,address_line1:string,address_unit:string,city:string,region:string,postcode:string,"
        + "country:string,birth_date:date,email_consent:boolean,"
        + "provenance:map<string,struct<source:string,record_key:string,rule:string>>,emails:array<string>,"
        + "phones:array<string>,loyalty_ids:array<string>,device_ids:array<string>,cookie_ids:array<string>,"
        + "source_records:int,sources:array<string>,previous_customer_ids:array<string>,first_seen_at:timestamp,"
        + "last_seen_at:timestamp,touchpoints:bigint,orders:bigint,revenue:decimal(18,2),"
        + "average_order_value:decimal(18,2),first_purchase_at:timestamp,last_purchase_at:timestamp,"
        + "days_since_last_purchase:int,recency_score:int,frequency_score:int,monetary_score:int,"
        + "rfm_segment:string,preferred_channel:string,channel_mix:map<string,bigint>,emails_sent:bigint,"
        + "emails_opened:bigint,emails_clicked:bigint,email_open_rate:double,email_click_rate:double,"
        + "email_unsubscribed:boolean,support_tickets:bigint,open_support_tickets:bigint,"
        + "last_support_contact_at:timestamp,household_id:string,as_of_date:date,row_hash:string,run_id:string",
        schema(Tables.GOLD_CUSTOMER_360));
    Row detail = DeltaTable.forPath(spark, lakehouse.path(Tables.GOLD_CUSTOMER_360)).detail().first();
    assertEquals("true", detail.<String, String>getJavaMap(detail.fieldIndex("properties"))
        .get("delta.enableChangeDataFeed"));
    Row journey = DeltaTable.forPath(spark, lakehouse.path(Tables.GOLD_JOURNEY)).detail().first();
    assertEquals(List.of("event_date"), journey.getList(journey.fieldIndex("partitionColumns")));
  }

  private String schema(TableId id) {
    return String.join(",", java.util.Arrays.stream(table(id).schema().fields())
        .map(f -> f.name() + ":" + f.dataType().simpleString()).toList());
  }

  @Test
  void theOtherGoldTablesHaveTheirDocumentedSchemas() {
    String touch = "event_ts:timestamp,event_date:date,source:string,channel:string,event_type:string,"
        + "amount:decimal(18,2),currency:string,campaign:string,product:string,touch_number:int,"
        + "seconds_since_previous_touch:bigint,session_id:string,session_number:int,journey_stage:string,"
        + "is_conversion:boolean,";
    assertEquals("event_key:string,customer_id:string," + touch + "resolved_by:string,row_hash:string,run_id:string",
        schema(Tables.GOLD_JOURNEY));
    assertEquals("event_key:string,anonymous_id:string,anonymous_id_type:string," + touch
        + "row_hash:string,run_id:string", schema(Tables.GOLD_ANONYMOUS_JOURNEY));
    assertEquals("attribution_key:string,conversion_event_key:string,customer_id:string,conversion_ts:timestamp,"
        + "conversion_date:date,conversion_type:string,conversion_channel:string,conversion_amount:decimal(18,2),"
        + "currency:string,touch_event_key:string,touch_ts:timestamp,touch_channel:string,touch_event_type:string,"
        + "touch_campaign:string,touch_position:int,touches_in_path:int,days_before_conversion:double,"
        + "credit_first_touch:double,credit_last_touch:double,credit_linear:double,credit_time_decay:double,"
        + "credit_position_based:double,row_hash:string,run_id:string", schema(Tables.GOLD_ATTRIBUTION));
    assertEquals("household_id:string,customer_ids:array<string>,members:int,family_names:array<string>,"
        + "evidence:array<string>,row_hash:string,run_id:string", schema(Tables.GOLD_HOUSEHOLDS));
  }

  @Test
  void theJourneyHasSessionsStagesAndOnlyTimedTouchpoints() {
    List<String> c1 = journeyAfterG1.values().stream().filter(r -> "C1".equals(r.getAs("customer_id")))
        .sorted(java.util.Comparator.comparing(r -> r.<Integer>getAs("touch_number")))
        .map(r -> r.getAs("event_key") + " " + r.getAs("session_id") + " " + r.getAs("journey_stage")).toList();
    assertEquals(List.of("email_events:e1 C1-0001 awareness", "email_events:e2 C1-0002 awareness",
        "web_events:w1 C1-0003 awareness", "web_events:w2 C1-0003 consideration", "ecom_orders:o1 C1-0003 purchase",
        "support_tickets:t1 C1-0004 service"), c1);
    assertEquals(8, journeyAfterG1.size(), "6 of C1, o2 of C2, p1 of C3; the untimed o3 is left out");
    assertEquals(java.sql.Date.valueOf("2024-05-20"), journeyAfterG1.get("pos_transactions:p1").getAs("event_date"));
    Row anonymous = table(Tables.GOLD_ANONYMOUS_JOURNEY).first();
    assertEquals(List.of("web_events:w9", "k9", "cookie", "k9-0001"), List.of(anonymous.getAs("event_key"),
        anonymous.getAs("anonymous_id"), anonymous.getAs("anonymous_id_type"), anonymous.getAs("session_id")));
    assertEquals(1, g1.anonymousTouchpoints());
    assertEquals(List.of("ecom_orders:o1|email_events:e1", "ecom_orders:o1|email_events:e2",
        "ecom_orders:o1|web_events:w1", "ecom_orders:o1|web_events:w2", "ecom_orders:o2|direct",
        "pos_transactions:p1|direct"), attributionAfterG1);
    assertEquals(3, g1.conversions());
  }

  @Test
  void aRerunWithNoNewDataAddsNoVersion() {
    for (TableId t : GOLD) {
      assertTrue(g2.changes().get(t.toString()).none(), t + ": " + g2.changes().get(t.toString()));
      assertEquals(versionsAfterG1.get(t), versionsAfterG2.get(t), t + ": g2 wrote nothing");
    }
    assertEquals(g1.customers(), g2.customers());
    assertEquals(List.of("g1"), runIdsAfterG2, "no row was rewritten by g2");
  }

  @Test
  void optimizingRewritesFilesButChangesNoRow() {
    List<String> before = table(Tables.GOLD_CUSTOMER_360).select("row_hash").collectAsList().stream()
        .map(r -> r.getString(0)).sorted().toList();
    long version = version(Tables.GOLD_CUSTOMER_360);
    new GoldJob(spark, config, new RunContext("opt", Instant.parse("2024-07-03T00:00:00Z"), lakehouse)).optimize();
    assertEquals(before, table(Tables.GOLD_CUSTOMER_360).select("row_hash").collectAsList().stream()
        .map(r -> r.getString(0)).sorted().toList());
    Row last = DeltaTable.forPath(spark, lakehouse.path(Tables.GOLD_CUSTOMER_360)).history(1).first();
    assertEquals(List.of(version + 1, "OPTIMIZE"), List.of(last.getAs("version"), last.getAs("operation")));
    assertEquals(List.of(), changes(Tables.GOLD_CUSTOMER_360, version, version + 1, "customer_id"));
  }

  @Test
  void aMergedCustomerDisappearsAndOnlyAffectedRowsChange() {
    assertEquals(List.of("delete C2", "update_postimage C1", "update_preimage C1"),
        changes(Tables.GOLD_CUSTOMER_360, versionsAfterG2.get(Tables.GOLD_CUSTOMER_360),
            version(Tables.GOLD_CUSTOMER_360), "customer_id"),
        "C3 is untouched");
    assertEquals(List.of("delete C2", "update_postimage C1"), spark.sql("SELECT _change_type, customer_id FROM"
        + " table_changes_by_path('" + lakehouse.path(Tables.GOLD_CUSTOMER_360) + "', "
        + (versionsAfterG2.get(Tables.GOLD_CUSTOMER_360) + 1) + ") WHERE _change_type IN ('insert',"
        + " 'update_postimage', 'delete')").collectAsList().stream().map(r -> r.getString(0) + " " + r.getString(1))
        .sorted().toList(), "the README's change-feed query");
    Map<String, Row> customers = byKey(table(Tables.GOLD_CUSTOMER_360), "customer_id");
    assertEquals(List.of("C1", "C3"), customers.keySet().stream().sorted().toList());
    Row c1 = customers.get("C1");
    assertEquals(List.of("C2"), c1.getList(c1.fieldIndex("previous_customer_ids")));
    assertEquals(3, (int) c1.getAs("source_records"));
    assertEquals(0, table(Tables.GOLD_JOURNEY).where(col("customer_id").equalTo("C2")).count());
    assertEquals("C1", byKey(table(Tables.GOLD_JOURNEY), "event_key").get("ecom_orders:o2").getAs("customer_id"));
    assertEquals(List.of("update_postimage ecom_orders:o2", "update_preimage ecom_orders:o2"),
        changes(Tables.GOLD_JOURNEY, versionsAfterG2.get(Tables.GOLD_JOURNEY), version(Tables.GOLD_JOURNEY),
            "event_key"), "o2 moves to C1's journey; C1's earlier touchpoints keep their rows");
    assertEquals(List.of("delete ecom_orders:o2|direct", "insert ecom_orders:o2|email_events:e1",
        "insert ecom_orders:o2|email_events:e2", "insert ecom_orders:o2|support_tickets:t1",
        "insert ecom_orders:o2|web_events:w1", "insert ecom_orders:o2|web_events:w2"),
        changes(Tables.GOLD_ATTRIBUTION, versionsAfterG2.get(Tables.GOLD_ATTRIBUTION),
            version(Tables.GOLD_ATTRIBUTION), "attribution_key"), "o2 now has C1's touchpoints before it");
    assertEquals(0, table(Tables.GOLD_ATTRIBUTION).where(col("customer_id").equalTo("C2")).count());
    assertEquals(0, table(Tables.GOLD_HOUSEHOLDS).where(org.apache.spark.sql.functions.array_contains(
        col("customer_ids"), "C2")).count());
    assertEquals(2, g3.customers());
  }
}
