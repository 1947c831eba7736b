package dev.cdi.gold;

import dev.cdi.io.Columns.Events;
import dev.cdi.silver.EventSchema;
import dev.cdi.silver.IdentitySchema;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Tiny silver-shaped rows for gold tests: only the fields a test names are set; validity columns say VALID for a
 * set value and MISSING otherwise, {@code raw} and {@code attributes} are empty maps unless given.
 */
public final class GoldRows {

  /** The schema of {@code silver/events}: the standardized columns plus {@code attributes}. */
  public static final StructType EVENTS = EventSchema.STANDARDIZED.add(Events.ATTRIBUTES,
      DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType));

  private GoldRows() {
  }

  /** A mutable field map: {@code fields("event_key", "web:1", "event_type", "page_view")}. */
  public static Map<String, Object> fields(Object... keysAndValues) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      out.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return out;
  }

  /** An instant written with an offset ({@code 2024-03-09T23:45:00-05:00}) as a SQL timestamp. */
  public static Timestamp ts(String offsetDateTime) {
    return Timestamp.from(OffsetDateTime.parse(offsetDateTime).toInstant());
  }

  /** The UTC date of a timestamp, as silver's {@code event_date}. */
  public static Date utcDate(Timestamp ts) {
    return Date.valueOf(LocalDate.ofInstant(ts.toInstant(), ZoneOffset.UTC));
  }

  /**
   * A silver event: key, type, channel and time (with its UTC date); {@code more} adds or overrides fields. The
   * source is the key's prefix.
   */
  public static Map<String, Object> event(String key, String type, String channel, String time, Object... more) {
    Timestamp ts = time == null ? null : ts(time);
    Map<String, Object> f = fields(Events.EVENT_KEY, key, Events.SOURCE, key.substring(0, key.indexOf(':')),
        Events.SOURCE_EVENT_ID, key.substring(key.indexOf(':') + 1), Events.EVENT_TYPE, type, Events.CHANNEL,
        channel, Events.EVENT_TS, ts, Events.EVENT_DATE, ts == null ? null : utcDate(ts));
    f.putAll(fields(more));
    return f;
  }

  public static Dataset<Row> events(SparkSession spark, List<Map<String, Object>> rows) {
    return frame(spark, EVENTS, rows);
  }

  /** Silver identity records. */
  public static Dataset<Row> identities(SparkSession spark, List<Map<String, Object>> rows) {
    return frame(spark, IdentitySchema.STANDARDIZED, rows);
  }

  /** Rows of {@code schema} from field maps; unknown field names fail. */
  public static Dataset<Row> frame(SparkSession spark, StructType schema, List<Map<String, Object>> rows) {
    List<Row> out = new ArrayList<>();
    for (Map<String, Object> row : rows) {
      Map<String, Object> f = new HashMap<>(row);
      List<Object> values = new ArrayList<>();
      for (StructField field : schema.fields()) {
        values.add(value(field, f));
        f.remove(field.name());
      }
      if (!f.isEmpty()) {
        throw new IllegalArgumentException("no such column(s) " + f.keySet() + " in " + schema.simpleString());
      }
      out.add(RowFactory.create(values.toArray()));
    }
    return spark.createDataFrame(out, schema);
  }

  private static Object value(StructField field, Map<String, Object> f) {
    String name = field.name();
    if (f.containsKey(name)) {
      Object v = f.get(name);
      return v instanceof Integer i && field.dataType() instanceof org.apache.spark.sql.types.DecimalType
          ? BigDecimal.valueOf(i) : v instanceof String s && field.dataType() instanceof
          org.apache.spark.sql.types.DecimalType ? new BigDecimal(s) : v;
    }
    if (name.endsWith("_validity")) {
      String attribute = name.substring(0, name.length() - "_validity".length());
      boolean set = f.keySet().stream().anyMatch(k -> k.startsWith(attribute)) || (attribute.equals("name")
          && (f.get("given_name") != null || f.get("family_name") != null));
      return set ? "VALID" : "MISSING";
    }
    if (field.dataType() instanceof org.apache.spark.sql.types.MapType) {
      return Map.of();
    }
    return null;
  }
}
