package dev.cdi.gold.household;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cdi.gold.GoldRows;
import dev.cdi.identity.graph.ComponentsResult;
import dev.cdi.identity.graph.ComponentsSettings;
import dev.cdi.identity.graph.ConnectedComponents;
import dev.cdi.testing.SharedSpark;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HouseholdGroupingTest {

  private static final StructType RECORDS = new StructType().add("customer_id", DataTypes.StringType)
      .add("address_key", DataTypes.StringType).add("family_key", DataTypes.StringType)
      .add("family_name", DataTypes.StringType).add("email_key", DataTypes.StringType)
      .add("phone_e164", DataTypes.StringType);

  private final SparkSession spark = SharedSpark.session();
  private Dataset<Row> records;
  private List<Row> assignment;
  private List<Row> households;

  private static Map<String, Object> record(String customer, String address, String family, String email,
                                            String phone) {
    return GoldRows.fields("customer_id", customer, "address_key", address, "family_key", family, "family_name",
        family == null ? null : family.substring(0, 1).toUpperCase() + family.substring(1), "email_key", email,
        "phone_e164", phone);
  }

  @BeforeAll
  void group() {
    List<Map<String, Object>> rows = new ArrayList<>();
    rows.add(record("C01", "1 main st 10001", "smith", "robert@x.com", null));
    rows.add(record("C01", "1 main st 10001", "smith", null, "+15550000101"));
    rows.add(record("C02", "1 main st 10001", "smith", "mary@x.com", null));
    rows.add(record("C03", "1 main st 10001", "jones", "kim@x.com", null));
    rows.add(record("C04", null, "brown", "brownfamily@x.com", null));
    rows.add(record("C05", "9 oak ave 20002", "green", "brownfamily@x.com", null));
    for (int i = 6; i <= 13; i++) {
      rows.add(record(String.format("C%02d", i), null, "shopper" + i, null, "+15555550000"));
    }
    rows.add(record("C14", null, "white", "test@test.com", null));
    rows.add(record("C15", null, "black", "test@test.com", null));
    records = GoldRows.frame(spark, RECORDS, rows);
    HouseholdSettings settings = new HouseholdSettings(List.of("email_key", "phone_e164"), 6);
    Dataset<Row> evidence = HouseholdGrouping.evidence(records, settings, Map.of("email_key", Set.of("test@test.com")));
    ComponentsResult components = new ConnectedComponents(ComponentsSettings.DEFAULTS)
        .run(HouseholdGrouping.edges(evidence));
    try {
      Dataset<Row> assigned = HouseholdGrouping.assign(records, components.assignments());
      assignment = assigned.collectAsList();
      households = HouseholdGrouping.table(assigned, records.select("customer_id", "family_name").distinct(), evidence)
          .collectAsList();
    } finally {
      components.release();
    }
  }

  /** Households by their members, e.g. "C01,C02 [address_and_family_name]". */
  private List<String> groups() {
    return households.stream().map(r -> String.join(",", r.<String>getList(r.fieldIndex("customer_ids"))) + " "
        + r.getList(r.fieldIndex("evidence"))).sorted().toList();
  }

  @Test
  void sharedAddressWithSharedFamilyNameOrAFamilyEmailMakeAHousehold() {
    List<String> multi = groups().stream().filter(g -> g.contains(",")).toList();
    assertEquals(List.of("C01,C02 [address_and_family_name]", "C04,C05 [email_key]"), multi,
        "a neighbour with another family name, a store phone shared by 8 customers and a blocked email are no"
            + " evidence");
  }

  @Test
  void householdsNeverMergeTwoCustomers() {
    Map<String, String> householdOf = new TreeMap<>();
    for (Row r : assignment) {
      String previous = householdOf.put(r.getString(0), r.getString(1));
      assertEquals(null, previous, "one household per customer: " + r.getString(0));
    }
    assertEquals(15, householdOf.size(), "every customer keeps its own row");
    assertEquals(13, households.size());
    Dataset<Row> members = spark.createDataFrame(households, households.get(0).schema())
        .select(explode(col("customer_ids")).as("customer_id"));
    assertEquals(15, members.count());
    assertEquals(15, members.distinct().count(), "no customer is in two households");
    assertTrue(households.stream().allMatch(r -> r.getInt(r.fieldIndex("members"))
        == r.getList(r.fieldIndex("customer_ids")).size()));
    assertEquals(householdOf.get("C01"), householdOf.get("C02"));
    assertTrue(householdOf.get("C01").matches("H[0-9a-f]{16}"), householdOf.get("C01"));
  }
}
