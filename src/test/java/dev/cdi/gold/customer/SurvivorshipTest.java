package dev.cdi.gold.customer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cdi.gold.GoldRows;
import dev.cdi.gold.customer.SurvivorshipRule.Kind;
import dev.cdi.testing.SharedSpark;
import java.sql.Date;
import java.util.ArrayList;
import java.util.EnumMap;
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

/** Survivorship rules on crafted conflicts between one customer's records. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SurvivorshipTest {

  private final SparkSession spark = SharedSpark.session();
  private Map<String, Row> golden;

  private static Map<String, Object> record(String key, String updated, Object... more) {
    Map<String, Object> f = GoldRows.fields("record_key", key, "source", key.substring(0, key.indexOf(':')),
        "source_record_id", key.substring(key.indexOf(':') + 1), "updated_at", updated == null ? null
            : GoldRows.ts(updated));
    f.putAll(GoldRows.fields(more));
    return f;
  }

  @BeforeAll
  void chooseGoldenValues() {
    List<Map<String, Object>> rows = new ArrayList<>();
    rows.add(record("crm_contacts:1", "2024-01-01T00:00:00Z", "given_name", "Robert", "family_name", "Smith",
        "email", "bob@old.com", "phone_e164", "+15550000001", "address_line1", "1 Main St", "city", "Springfield",
        "postcode", "10001", "birth_date", Date.valueOf("1980-01-01"), "email_consent", true));
    rows.add(record("ecom_accounts:2", "2024-06-01T00:00:00Z", "given_name", "Bob", "family_name", "Smith",
        "email", "bob@new.com", "phone_e164", "+15550000002", "address_line1", "1 Main St", "address_unit",
        "Apt 2", "city", "Springfield", "region", "NY", "postcode", "10001", "country", "US", "birth_date",
        Date.valueOf("1980-01-02"), "email_consent", false));
    rows.add(record("pos_loyalty:3", "2024-03-01T00:00:00Z", "given_name", "Rob", "family_name", "Smith",
        "email", "bob@old.com", "phone_e164", "+15550000002", "postcode", "10001"));
    rows.add(record("app_events:4", "2025-01-01T00:00:00Z", "email", "not-an-email", "email_validity", "INVALID"));
    rows.add(record("crm_contacts:5", null, "given_name", "Ann", "family_name", "Lee"));
    rows.add(record("crm_contacts:6", "2024-01-01T00:00:00Z", "phone_e164", "+15550000006"));
    rows.add(record("ecom_accounts:7", "2024-02-01T00:00:00Z", "phone_e164", "+15550000007"));
    rows.add(record("pos_loyalty:8", null, "phone_e164", "+15550000008"));
    Dataset<Row> identities = GoldRows.identities(spark, rows);
    Dataset<Row> map = GoldRows.frame(spark, new StructType().add("record_key", DataTypes.StringType)
        .add("customer_id", DataTypes.StringType), List.of(
            GoldRows.fields("record_key", "crm_contacts:1", "customer_id", "C1"),
            GoldRows.fields("record_key", "ecom_accounts:2", "customer_id", "C1"),
            GoldRows.fields("record_key", "pos_loyalty:3", "customer_id", "C1"),
            GoldRows.fields("record_key", "app_events:4", "customer_id", "C1"),
            GoldRows.fields("record_key", "crm_contacts:5", "customer_id", "C2"),
            GoldRows.fields("record_key", "crm_contacts:6", "customer_id", "C3"),
            GoldRows.fields("record_key", "ecom_accounts:7", "customer_id", "C3"),
            GoldRows.fields("record_key", "pos_loyalty:8", "customer_id", "C3")));
    Map<SurvivorshipAttribute, SurvivorshipRule> rules = new EnumMap<>(SurvivorshipAttribute.class);
    rules.put(SurvivorshipAttribute.NAME, new SurvivorshipRule(Kind.SOURCE_PRIORITY,
        List.of("crm_contacts", "ecom_accounts")));
    rules.put(SurvivorshipAttribute.EMAIL, SurvivorshipRule.mostRecent());
    rules.put(SurvivorshipAttribute.PHONE, new SurvivorshipRule(Kind.MOST_FREQUENT, List.of()));
    rules.put(SurvivorshipAttribute.ADDRESS, new SurvivorshipRule(Kind.MOST_COMPLETE, List.of()));
    rules.put(SurvivorshipAttribute.BIRTH_DATE, new SurvivorshipRule(Kind.SOURCE_PRIORITY, List.of("ecom_accounts")));
    rules.put(SurvivorshipAttribute.EMAIL_CONSENT, SurvivorshipRule.mostRecent());
    golden = new java.util.HashMap<>();
    Survivorship.golden(identities.join(map, "record_key"), rules).collectAsList()
        .forEach(r -> golden.put(r.getAs("customer_id"), r));
  }

  private String provenance(String customer, SurvivorshipAttribute attribute) {
    Row p = golden.get(customer).getAs(Survivorship.provenanceColumn(attribute));
    return p == null ? null : p.getAs("source") + " " + p.getAs("record_key") + " " + p.getAs("rule");
  }

  @Test
  void sourcePriorityTakesTheWholeNameFromTheMostTrustedSource() {
    Row c1 = golden.get("C1");
    assertEquals(List.of("Robert", "Smith"), List.of(c1.getAs("given_name"), c1.getAs("family_name")));
    assertEquals("crm_contacts crm_contacts:1 source_priority", provenance("C1", SurvivorshipAttribute.NAME));
    assertEquals(Date.valueOf("1980-01-02"), c1.getAs("birth_date"), "unlisted sources come after listed ones");
    assertEquals("ecom_accounts ecom_accounts:2 source_priority", provenance("C1", SurvivorshipAttribute.BIRTH_DATE));
  }

  @Test
  void mostRecentSkipsInvalidValues() {
    assertEquals("bob@new.com", golden.get("C1").getAs("email"), "the newer app record's email is INVALID");
    assertEquals("ecom_accounts ecom_accounts:2 most_recent", provenance("C1", SurvivorshipAttribute.EMAIL));
    assertEquals(false, golden.get("C1").getAs("email_consent"));
  }

  @Test
  void mostFrequentCountsRecordsAndBreaksTiesByRecency() {
    assertEquals("+15550000002", golden.get("C1").getAs("phone"), "held by two of three records");
    assertEquals("ecom_accounts ecom_accounts:2 most_frequent", provenance("C1", SurvivorshipAttribute.PHONE));
    assertEquals("+15550000007", golden.get("C3").getAs("phone"), "a tie goes to the latest update; unknown loses");
  }

  @Test
  void mostCompleteTakesTheAddressWithTheMostPartsAsAWhole() {
    Row c1 = golden.get("C1");
    assertEquals(List.of("1 Main St", "Apt 2", "Springfield", "NY", "10001", "US"), List.of(c1.getAs("address_line1"),
        c1.getAs("address_unit"), c1.getAs("city"), c1.getAs("region"), c1.getAs("postcode"), c1.getAs("country")));
    assertEquals("ecom_accounts ecom_accounts:2 most_complete", provenance("C1", SurvivorshipAttribute.ADDRESS));
  }

  @Test
  void aCustomerWithoutAValueGetsNullsAndNoProvenance() {
    Row c2 = golden.get("C2");
    assertEquals("Ann", c2.getAs("given_name"));
    assertEquals(null, (String) c2.getAs("email"));
    assertEquals(null, provenance("C2", SurvivorshipAttribute.EMAIL));
    assertEquals(3, golden.size());
  }
}
