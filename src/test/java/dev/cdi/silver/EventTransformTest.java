package dev.cdi.silver;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cdi.config.ConfigLoader;
import dev.cdi.config.PipelineConfig;
import dev.cdi.config.SourceConfig;
import dev.cdi.testing.SharedSpark;
import java.util.List;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import scala.collection.JavaConverters;

class EventTransformTest {

  private final SparkSession spark = SharedSpark.session();

  private static final PipelineConfig CONFIG = ConfigLoader.parse("""
      lakehouse: l
      sources:
        accounts: {format: jsonl, path: a, silver: {identity: {id: account_id}}}
        orders:
          format: jsonl
          path: o
          silver:
            phone_region: GB
            events:
              id: order_id
              type: {value: Order}
              channel: {value: ecommerce}
              timestamp: {column: placed_at, formats: [epoch_millis]}
              record_source: accounts
              record_id: account_id
              email: guest_email
              phone: phone
              amount: total
              currency: currency
      """, "inline.yaml");

  private static final StructType BRONZE = new StructType()
      .add("order_id", DataTypes.StringType).add("account_id", DataTypes.StringType)
      .add("guest_email", DataTypes.StringType).add("phone", DataTypes.StringType)
      .add("placed_at", DataTypes.StringType).add("total", DataTypes.StringType)
      .add("currency", DataTypes.StringType).add("status", DataTypes.StringType).add("items", DataTypes.StringType)
      .add("_row_hash", DataTypes.StringType).add("_source_file", DataTypes.StringType)
      .add("_row_number", DataTypes.LongType).add("_ingested_at", DataTypes.TimestampType);

  private Dataset<Row> bronze(Object[]... rows) {
    return BronzeRows.of(spark, BRONZE, "file:/in/o.jsonl", rows);
  }

  @Test
  void standardizesTimeIdentifiersAmountsAndKeepsTheRestAsAttributes() {
    SourceConfig orders = CONFIG.source("orders");
    Dataset<Row> bronze = bronze(
        new Object[] {"O1", "100234", null, null, "1742227692074", "1,459.985", "usd", "completed", "[{\"sku\":1}]"},
        new Object[] {"O2", null, "Guest@GMail.com", "07911 123456", "N/A", "12,5", "EUR", null, null},
        new Object[] {"", "1", null, null, "1", "1", null, null, null},
        new Object[] {"O1", "100234", null, null, "1742227692074", "1,459.985", "usd", "completed", "[{\"sku\":1}]"});
    Dataset<Row> events = EventTransform.latestPerEvent(
        EventTransform.standardize(EventTransform.mapped(bronze, orders), orders));
    List<String> rows = events.orderBy("event_key").collectAsList().stream().map(r -> String.join("|",
        r.getAs("event_key"), r.getAs("event_type"), r.getAs("channel"), String.valueOf((Object) r.getAs("event_ts")),
        String.valueOf((Object) r.getAs("event_date")), r.getAs("event_ts_validity"),
        String.valueOf((Object) r.getAs("record_key")), String.valueOf((Object) r.getAs("email_key")),
        String.valueOf((Object) r.getAs("phone_e164")), String.valueOf((Object) r.getAs("amount")),
        r.getAs("amount_validity"), String.valueOf((Object) r.getAs("currency")),
        new TreeMap<>(JavaConverters.mapAsJavaMap(r.getMap(r.fieldIndex("attributes")))).toString())).toList();
    assertEquals(List.of(
        "orders:O1|order|ecommerce|2025-03-17 16:08:12.074|2025-03-17|VALID|accounts:100234|null|null|1459.98|VALID"
            + "|USD|{items=[{\"sku\":1}], status=completed}",
        "orders:O2|order|ecommerce|null|null|INVALID|null|guest@gmail.com|+447911123456|null|INVALID|EUR|{}"),
        rows);
  }

  @Test
  void amountsAreDecimalsWithCents() {
    java.util.function.Function<String, String> amount = raw -> String.valueOf(EventRecordStandardizer.amount(raw));
    assertEquals(List.of("45.10", "-3.00", "1234.50", "1234567.88", "0.12", "null", "null", "null", "null", "null"),
        java.util.stream.Stream.of("45.1", " -3 ", "1,234.50", "1,234,567.885", "0.125", "12,5",
            "1,23", "$5", "", null).map(amount).toList());
  }
}
