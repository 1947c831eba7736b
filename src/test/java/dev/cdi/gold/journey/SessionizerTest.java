package dev.cdi.gold.journey;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cdi.gold.GoldRows;
import dev.cdi.io.Columns.Journey;
import dev.cdi.testing.SharedSpark;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class SessionizerTest {

  private final SparkSession spark = SharedSpark.session();

  private static final StructType TOUCHES = new StructType().add("customer_id", DataTypes.StringType)
      .add("event_key", DataTypes.StringType).add("event_ts", DataTypes.TimestampType);

  private Dataset<Row> touches(String customer, String... keysAndTimes) {
    List<Map<String, Object>> rows = new java.util.ArrayList<>();
    for (int i = 0; i < keysAndTimes.length; i += 2) {
      rows.add(GoldRows.fields("customer_id", customer, "event_key", keysAndTimes[i], "event_ts",
          GoldRows.ts(keysAndTimes[i + 1])));
    }
    return GoldRows.frame(spark, TOUCHES, rows);
  }

  /** "key touch# seconds-since-previous session#" in time order. */
  private static List<String> summary(Dataset<Row> sessions) {
    return sessions.orderBy(Journey.CUSTOMER_ID, Journey.TOUCH_NUMBER).collectAsList().stream()
        .map(r -> r.getAs(Journey.EVENT_KEY) + " " + r.getAs(Journey.TOUCH_NUMBER) + " "
            + r.getAs(Journey.SECONDS_SINCE_PREVIOUS_TOUCH) + " " + r.getAs(Journey.SESSION_ID)).toList();
  }

  @Test
  void aGapOf29MinutesContinuesTheSessionAndOneOf31StartsANewOne() {
    Dataset<Row> out = Sessionizer.sessionize(touches("C1",
        "a", "2024-05-01T10:00:00Z", "b", "2024-05-01T10:29:00Z", "c", "2024-05-01T11:00:00Z",
        "d", "2024-05-01T11:30:00Z", "e", "2024-05-01T12:00:00.000001Z"), Journey.CUSTOMER_ID, 30);
    assertEquals(List.of("a 1 null C1-0001", "b 2 1740 C1-0001", "c 3 1860 C1-0002",
        "d 4 1800 C1-0002", "e 5 1800 C1-0003"), summary(out),
        "29 min: same session; 31 min: new; exactly 30: same; 30 min and a microsecond: new");
  }

  @Test
  void eventsArriveOutOfOrderAndTiesInTimeAreOrderedByKey() {
    Dataset<Row> out = Sessionizer.sessionize(touches("C1",
        "z", "2024-05-01T10:40:00Z", "y", "2024-05-01T10:00:00Z", "x", "2024-05-01T10:40:00Z",
        "w", "2024-05-01T10:10:00Z"), Journey.CUSTOMER_ID, 30);
    assertEquals(List.of("y 1 null C1-0001", "w 2 600 C1-0001", "x 3 1800 C1-0001", "z 4 0 C1-0001"),
        summary(out));
  }

  @Test
  void midnightAndTimeZonesDoNotSplitASessionOnlyTheInstantsCount() {
    Dataset<Row> out = Sessionizer.sessionize(touches("C1",
        "store", "2024-03-09T17:50:00-06:00",
        "web", "2024-03-10T00:15:00Z",
        "email", "2024-03-10T00:40:00+00:00",
        "app", "2024-03-10T01:40:00+01:00",
        "late", "2024-03-09T20:05:00-05:00"), Journey.CUSTOMER_ID, 30);
    assertEquals(List.of("store 1 null C1-0001", "web 2 1500 C1-0001", "app 3 1500 C1-0001",
        "email 4 0 C1-0001", "late 5 1500 C1-0001"), summary(out),
        "23:50 UTC on the 9th to 01:05 UTC on the 10th is one session in 25-minute steps, whatever the offsets");
  }

  @Test
  void customersAreSessionizedApartAndTheGapIsConfigurable() {
    Dataset<Row> out = Sessionizer.sessionize(touches("C1", "a", "2024-05-01T10:00:00Z",
        "b", "2024-05-01T10:10:00Z").union(touches("C2", "c", "2024-05-01T10:05:00Z")), Journey.CUSTOMER_ID, 5);
    assertEquals(List.of("a 1 null C1-0001", "b 2 600 C1-0002", "c 1 null C2-0001"), summary(out));
  }

  @Test
  void theAddedColumnsHaveTheirTypes() {
    StructType schema = Sessionizer.sessionize(touches("C1", "a", "2024-05-01T10:00:00Z"), Journey.CUSTOMER_ID, 30)
        .schema();
    assertEquals(List.of("customer_id:string", "event_key:string", "event_ts:timestamp", "touch_number:int",
        "seconds_since_previous_touch:bigint", "session_number:int", "session_id:string"),
        java.util.Arrays.stream(schema.fields()).map(f -> f.name() + ":" + f.dataType().simpleString()).toList());
  }
}
