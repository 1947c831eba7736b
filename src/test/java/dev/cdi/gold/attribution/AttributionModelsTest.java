package dev.cdi.gold.attribution;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cdi.gold.GoldRows;
import dev.cdi.io.Columns.Attribution;
import dev.cdi.testing.SharedSpark;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AttributionModelsTest {

  private static final StructType JOURNEY = new StructType().add("event_key", DataTypes.StringType)
      .add("customer_id", DataTypes.StringType).add("event_ts", DataTypes.TimestampType)
      .add("event_date", DataTypes.DateType).add("event_type", DataTypes.StringType)
      .add("channel", DataTypes.StringType).add("campaign", DataTypes.StringType)
      .add("amount", DataTypes.createDecimalType(18, 2)).add("currency", DataTypes.StringType)
      .add("is_conversion", DataTypes.BooleanType);
  private static final AttributionSettings SETTINGS = new AttributionSettings(List.of("order"), 30, 7.0, 0.4, 0.2,
      0.4);
  private static final double EPS = 1e-12;

  private final SparkSession spark = SharedSpark.session();
  private final List<Map<String, Object>> rows = new ArrayList<>();
  /** credits by attribution key: first, last, linear, time decay, position based. */
  private Map<String, double[]> credits;
  private Dataset<Row> out;

  private void touch(String customer, String key, String time, String channel) {
    rows.add(GoldRows.fields("event_key", key, "customer_id", customer, "event_ts", GoldRows.ts(time), "event_date",
        GoldRows.utcDate(GoldRows.ts(time)), "event_type", "page_view", "channel", channel, "campaign", "spring",
        "is_conversion", false));
  }

  private void order(String customer, String key, String time) {
    rows.add(GoldRows.fields("event_key", key, "customer_id", customer, "event_ts", GoldRows.ts(time), "event_date",
        GoldRows.utcDate(GoldRows.ts(time)), "event_type", "order", "channel", "ecommerce", "amount",
        new java.math.BigDecimal("80.00"), "currency", "USD", "is_conversion", true));
  }

  @BeforeAll
  void credit() {
    touch("A", "a1", "2024-05-01T00:00:00Z", "email");
    touch("A", "a2", "2024-05-08T00:00:00Z", "web");
    touch("A", "a3", "2024-05-08T00:00:00Z", "app");
    touch("A", "a4", "2024-05-15T00:00:00Z", "web");
    touch("A", "old", "2024-04-01T00:00:00Z", "email");
    order("A", "o1", "2024-05-15T00:00:00Z");
    touch("B", "b1", "2024-06-01T00:00:00Z", "email");
    touch("B", "b2", "2024-06-08T00:00:00Z", "web");
    order("B", "o2", "2024-06-15T00:00:00Z");
    order("B", "o3", "2024-06-15T12:00:00Z");
    order("C", "o4", "2024-06-15T00:00:00Z");
    touch("D", "d1", "2024-06-14T00:00:00Z", "web");
    order("D", "o5", "2024-06-15T00:00:00Z");
    out = AttributionModels.credit(GoldRows.frame(spark, JOURNEY, rows), SETTINGS);
    credits = new LinkedHashMap<>();
    for (Row r : out.collectAsList()) {
      credits.put(r.getAs(Attribution.ATTRIBUTION_KEY), new double[] {r.getAs(Attribution.CREDIT_FIRST_TOUCH),
          r.getAs(Attribution.CREDIT_LAST_TOUCH), r.getAs(Attribution.CREDIT_LINEAR),
          r.getAs(Attribution.CREDIT_TIME_DECAY), r.getAs(Attribution.CREDIT_POSITION_BASED)});
    }
  }

  private void assertCredits(String key, double first, double last, double linear, double decay, double position) {
    double[] c = credits.get(key);
    assertEquals(first, c[0], EPS, key + " first touch");
    assertEquals(last, c[1], EPS, key + " last touch");
    assertEquals(linear, c[2], EPS, key + " linear");
    assertEquals(decay, c[3], EPS, key + " time decay");
    assertEquals(position, c[4], EPS, key + " position based");
  }

  @Test
  void threeTouchesInTheWindowGetEachModelsExactCredits() {
    // a1, a2, a3 are 14, 7 and 7 days before o1 (a2 and a3 tie in time and go in key order): time-decay weights
    // 1/4, 1/2, 1/2 (sum 5/4). a4 at the conversion's instant is not before it; "old", 44 days before, is outside
    // the 30-day window.
    assertCredits("o1|a1", 1, 0, 1.0 / 3, 1.0 / 5, 0.4);
    assertCredits("o1|a2", 0, 0, 1.0 / 3, 2.0 / 5, 0.2);
    assertCredits("o1|a3", 0, 1, 1.0 / 3, 2.0 / 5, 0.4);
    assertEquals(List.of("o1|a1 1 3 14.0", "o1|a2 2 3 7.0", "o1|a3 3 3 7.0"),
        out.where(col(Attribution.CONVERSION_EVENT_KEY).equalTo("o1")).orderBy(Attribution.TOUCH_POSITION)
            .collectAsList().stream().map(r -> r.getAs(Attribution.ATTRIBUTION_KEY) + " "
                + r.getAs(Attribution.TOUCH_POSITION) + " " + r.getAs(Attribution.TOUCHES_IN_PATH) + " "
                + r.getAs(Attribution.DAYS_BEFORE_CONVERSION)).toList());
  }

  @Test
  void twoTouchesSharePositionBasedCreditByTheirEndShares() {
    // o2: touches 14 and 7 days before, weights 1/4 and 1/2; o3 half a day later sees the same two touches
    assertCredits("o2|b1", 1, 0, 0.5, 1.0 / 3, 0.5);
    assertCredits("o2|b2", 0, 1, 0.5, 2.0 / 3, 0.5);
    double w1 = Math.pow(2, -14.5 / 7);
    double w2 = Math.pow(2, -7.5 / 7);
    assertCredits("o3|b1", 1, 0, 0.5, w1 / (w1 + w2), 0.5);
    assertCredits("o3|b2", 0, 1, 0.5, w2 / (w1 + w2), 0.5);
  }

  @Test
  void aConversionWithoutTouchesIsDirectAndOneTouchTakesEverything() {
    assertCredits("o4|direct", 1, 1, 1, 1, 1);
    assertCredits("o5|d1", 1, 1, 1, 1, 1);
    Row direct = out.where(col(Attribution.ATTRIBUTION_KEY).equalTo("o4|direct")).first();
    assertEquals(Attribution.DIRECT, direct.getAs(Attribution.TOUCH_CHANNEL));
    assertEquals(null, (String) direct.getAs(Attribution.TOUCH_EVENT_KEY));
    assertEquals(1, (int) direct.getAs(Attribution.TOUCHES_IN_PATH));
  }

  @Test
  void everyModelsCreditsSumToOnePerConversion() {
    List<Column> sums = new ArrayList<>();
    for (String model : List.of(Attribution.CREDIT_FIRST_TOUCH, Attribution.CREDIT_LAST_TOUCH,
        Attribution.CREDIT_LINEAR, Attribution.CREDIT_TIME_DECAY, Attribution.CREDIT_POSITION_BASED)) {
      sums.add(sum(col(model)).as(model));
    }
    Dataset<Row> perConversion = out.groupBy(Attribution.CONVERSION_EVENT_KEY)
        .agg(sums.get(0), sums.subList(1, sums.size()).toArray(Column[]::new));
    assertEquals(5, perConversion.count());
    for (String model : List.of(Attribution.CREDIT_FIRST_TOUCH, Attribution.CREDIT_LAST_TOUCH,
        Attribution.CREDIT_LINEAR, Attribution.CREDIT_TIME_DECAY, Attribution.CREDIT_POSITION_BASED)) {
      assertEquals(0, perConversion.where(abs(col(model).minus(lit(1.0))).gt(1e-9)).count(), model);
    }
    assertEquals(9, out.count(), "3 + 2 + 2 + 1 + 1 rows");
  }
}
