package dev.cdi.identity.events;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cdi.testing.SharedSpark;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class EventResolutionTest {

  private static final StructType EVENTS = new StructType().add("event_key", DataTypes.StringType)
      .add("event_ts", DataTypes.TimestampType).add("record_key", DataTypes.StringType)
      .add("loyalty_id", DataTypes.StringType).add("email_key", DataTypes.StringType)
      .add("phone_e164", DataTypes.StringType).add("cookie_id", DataTypes.StringType)
      .add("device_id", DataTypes.StringType);
  private static final StructType IDENTITIES = new StructType().add("record_key", DataTypes.StringType)
      .add("loyalty_id", DataTypes.StringType).add("email_key", DataTypes.StringType)
      .add("phone_e164", DataTypes.StringType);
  private static final StructType MAP = new StructType().add("record_key", DataTypes.StringType)
      .add("customer_id", DataTypes.StringType);

  private final SparkSession spark = SharedSpark.session();

  private static Row event(String key, int minute, String record, String loyalty, String email, String phone,
                           String cookie, String device) {
    return RowFactory.create(key, new Timestamp(1_714_557_600_000L + 60_000L * minute), record, loyalty, email,
        phone, cookie, device);
  }

  @Test
  void eventsAreTiedByRecordThenIdentifiersThenTheirCookieOrDevice() {
    Dataset<Row> identities = spark.createDataFrame(List.of(
        RowFactory.create("crm:1", null, "ann@x.com", "+1555"),
        RowFactory.create("shop:9", null, "ann@x.com", null),
        RowFactory.create("pos:L7", "L7", null, "+1777"),
        RowFactory.create("crm:2", null, "fam@x.com", null),
        RowFactory.create("crm:3", null, "fam@x.com", null),
        RowFactory.create("crm:4", null, "test@test.com", null)), IDENTITIES);
    Dataset<Row> map = spark.createDataFrame(List.of(RowFactory.create("crm:1", "A"), RowFactory.create("shop:9", "A"),
        RowFactory.create("pos:L7", "B"), RowFactory.create("crm:2", "C"), RowFactory.create("crm:3", "D"),
        RowFactory.create("crm:4", "E")), MAP);
    Dataset<Row> events = spark.createDataFrame(List.of(
        event("order1", 0, "shop:9", null, "other@x.com", null, null, null),
        event("sale1", 1, null, "L7", null, null, null, null),
        event("mail1", 2, null, null, "ann@x.com", null, null, null),
        event("call1", 3, null, null, null, "+1777", null, null),
        event("fam1", 4, null, null, "fam@x.com", null, null, null),
        event("test1", 5, null, null, "test@test.com", null, null, null),
        event("login1", 6, "shop:9", null, null, null, "ck1", null),
        event("view1", 7, null, null, null, null, "ck1", null),
        event("view2", 8, null, null, null, null, "ck2", null),
        event("app1", 9, null, "L7", null, null, null, "dev1"),
        event("app2", 10, null, null, null, null, null, "dev1"),
        event("ghost", 11, "shop:404", null, null, null, null, null)), EVENTS);

    Dataset<Row> resolved = EventResolution.resolve(events, identities, map,
        Map.of("email_key", Set.of("test@test.com")));

    Map<String, String> got = new TreeMap<>();
    resolved.collectAsList().forEach(r -> got.put(r.getString(0), r.getString(1) + " by " + r.getString(2)));
    assertEquals(new TreeMap<>(Map.of(
        "order1", "A by record",
        "sale1", "B by loyalty",
        "mail1", "A by email",
        "call1", "B by phone",
        "login1", "A by record",
        "view1", "A by cookie",
        "app1", "B by loyalty",
        "app2", "B by device")), got,
        "fam@x.com belongs to two customers and test@test.com is blocked; ck2 never logged in; shop:404 is unknown");
  }

  @Test
  void aSharedCookieGoesToTheCustomerSeenWithItMostOften() {
    Dataset<Row> identities = spark.createDataFrame(List.of(), IDENTITIES);
    Dataset<Row> map = spark.createDataFrame(List.of(RowFactory.create("s:1", "A"), RowFactory.create("s:2", "B")),
        MAP);
    Dataset<Row> events = spark.createDataFrame(List.of(
        event("l1", 0, "s:1", null, null, null, "ck", null),
        event("l2", 1, "s:2", null, null, null, "ck", null),
        event("l3", 2, "s:2", null, null, null, "ck", null),
        event("v1", 3, null, null, null, null, "ck", null)), EVENTS);
    Map<String, String> got = new TreeMap<>();
    EventResolution.resolve(events, identities, map, Map.of()).collectAsList()
        .forEach(r -> got.put(r.getString(0), r.getString(1)));
    assertEquals(Map.of("l1", "A", "l2", "B", "l3", "B", "v1", "B"), got);
  }
}
