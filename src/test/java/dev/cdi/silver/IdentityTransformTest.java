package dev.cdi.silver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cdi.config.ConfigLoader;
import dev.cdi.config.PipelineConfig;
import dev.cdi.config.SourceConfig;
import dev.cdi.testing.SharedSpark;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class IdentityTransformTest {

  private final SparkSession spark = SharedSpark.session();

  private static final PipelineConfig CONFIG = ConfigLoader.parse("""
      lakehouse: l
      sources:
        crm:
          format: csv
          path: x
          silver:
            timezone: America/New_York
            phone_region: US
            identity:
              id: Id
              where: "Kind <> 'lead'"
              given_name: First
              family_name: Last
              email: Email
              phone: Phone
              address_line1: addr.line1
              city: addr.city
              postcode: addr.zip
              country: {value: US}
              birth_date: {column: Dob, formats: [MM/dd/yyyy]}
              updated_at: {column: Modified, formats: ["MM/dd/yyyy HH:mm"]}
              email_consent: {expr: "lower(OptOut) = 'false'"}
      """, "inline.yaml");

  private static final StructType BRONZE = new StructType()
      .add("Id", DataTypes.StringType).add("Kind", DataTypes.StringType).add("First", DataTypes.StringType)
      .add("Last", DataTypes.StringType).add("Email", DataTypes.StringType).add("Phone", DataTypes.StringType)
      .add("addr", DataTypes.StringType).add("Dob", DataTypes.StringType).add("Modified", DataTypes.StringType)
      .add("OptOut", DataTypes.StringType)
      .add("_row_hash", DataTypes.StringType).add("_source_file", DataTypes.StringType)
      .add("_row_number", DataTypes.LongType).add("_ingested_at", DataTypes.TimestampType);

  private Dataset<Row> bronze(Object[]... rows) {
    return BronzeRows.of(spark, BRONZE, "file:/in/a.csv", rows);
  }

  private static String describe(Row r) {
    return String.join("|", r.getAs("record_key"), r.getAs("given_name"), r.getAs("given_canonical"),
        r.getAs("family_key"), r.getAs("name_validity"), String.valueOf((Object) r.getAs("email")),
        String.valueOf((Object) r.getAs("email_key")), r.getAs("email_validity"),
        String.valueOf((Object) r.getAs("phone_e164")), r.getAs("phone_validity"),
        String.valueOf((Object) r.getAs("address_key")), String.valueOf((Object) r.getAs("birth_date")),
        r.getAs("birth_date_validity"), String.valueOf((Object) r.getAs("updated_at")),
        String.valueOf((Object) r.getAs("email_consent")));
  }

  @Test
  void standardizesEveryMappedAttribute() {
    SourceConfig crm = CONFIG.source("crm");
    Dataset<Row> bronze = bronze(
        new Object[] {"C1", "contact", " bob ", "SMITH", " Bob.Smith+shop@GoogleMail.com ", "(415) 555-2671 x12",
            "{\"line1\":\"12 North Main Street, Apt. 4B\",\"city\":\"San Francisco\",\"zip\":\"94105-1234\"}",
            "02/29/1980", "11/01/2024 09:30", "false"},
        new Object[] {"C2", "contact", "José", "García", "not-an-email", "000-000-0000", null, "31/02/1980",
            "yesterday", "TRUE"},
        new Object[] {"C3", "lead", "Lee", "Ng", "lee@x.com", null, null, null, null, null},
        new Object[] {"  ", "contact", "No", "Id", null, null, null, null, null, null});

    List<String> rows = IdentityTransform.standardize(IdentityTransform.mapped(bronze, crm), crm)
        .orderBy("record_key").collectAsList().stream().map(IdentityTransformTest::describe).toList();

    assertEquals(List.of(
        "crm:C1|Bob|robert|smith|VALID|bob.smith+shop@googlemail.com|bobsmith@gmail.com|VALID|+14155552671|VALID"
            + "|12 n main st unit 4b san francisco 94105|1980-02-29|VALID|2024-11-01 13:30:00.0|true",
        "crm:C2|José|jose|garcia|VALID|null|null|INVALID|null|INVALID|null|null|INVALID|null|false"), rows);
  }

  @Test
  void keepsTheNewestVersionOfEachRecord() {
    SourceConfig crm = CONFIG.source("crm");
    Dataset<Row> bronze = bronze(
        new Object[] {"C1", "contact", "Ann", "Old", null, null, null, null, "01/01/2024 00:00", null},
        new Object[] {"C1", "contact", "Ann", "New", null, null, null, null, "06/01/2024 00:00", null},
        new Object[] {"C1", "contact", "Ann", "Unknown", null, null, null, null, null, null},
        new Object[] {"C2", "contact", "Bo", "Same", null, null, null, null, "01/01/2024 00:00", null},
        new Object[] {"C2", "contact", "Bo", "Same", null, null, null, null, "01/01/2024 00:00", null});
    Dataset<Row> latest = IdentityTransform.latestPerRecord(IdentityTransform.standardize(
        IdentityTransform.mapped(bronze, crm), crm));
    assertEquals(List.of("crm:C1|New|2", "crm:C2|Same|5"), latest.orderBy("record_key").collectAsList().stream()
        .map(r -> r.getAs("record_key") + "|" + r.getAs("family_name") + "|" + r.getAs("_row_number")
            .toString().charAt(0)).toList());
  }

  @Test
  void unknownColumnsFailBeforeAnySparkAction() {
    SourceConfig crm = CONFIG.source("crm");
    Dataset<Row> noEmail = bronze().drop("Email");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> IdentityTransform.mapped(noEmail, crm));
    assertEquals("sources.crm.silver.identity.email names column 'Email', which bronze.crm does not have; its"
        + " columns: [Id, Kind, First, Last, Phone, addr, Dob, Modified, OptOut, _row_hash, _source_file,"
        + " _row_number, _ingested_at]", e.getMessage());
  }
}
