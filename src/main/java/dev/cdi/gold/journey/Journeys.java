package dev.cdi.gold.journey;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import dev.cdi.io.Columns.EventMap;
import dev.cdi.io.Columns.Events;
import dev.cdi.io.Columns.Journey;
import dev.cdi.spark.SchemaChecks;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Builds the journey tables from silver events and the identity event map:
 * <ul>
 *   <li>{@link #customerEvents}: every event tied to a customer (timed or not), for traits and journeys;</li>
 *   <li>{@link #journey}: a customer's timed touchpoints, sessionized across channels, with stages;</li>
 *   <li>{@link #anonymous}: timed touchpoints no customer is tied to, keyed by the first identifier they carry
 *       (cookie, device, email key, phone, loyalty id), sessionized and staged the same way. When a later login
 *       ties the identifier to a customer, the event map holds the events and they move to the journey.</li>
 * </ul>
 * Events without a time cannot be placed on a timeline and stay out of both journeys; events with no identifier at
 * all stay out of the anonymous journey.
 *
 * <p>Shuffle cost: the events ⋈ event map join (or anti-join) by event key, then the sessionizer's exchange by
 * entity. Deterministic: see {@link Sessionizer}.
 */
public final class Journeys {

  /** Anonymous identifiers in the order they key an untied event: identifier type → silver events column. */
  private static final Map<String, String> ANONYMOUS_IDS = anonymousIds();

  private Journeys() {
  }

  private static Map<String, String> anonymousIds() {
    Map<String, String> ids = new LinkedHashMap<>();
    ids.put("cookie", Events.COOKIE_ID);
    ids.put("device", Events.DEVICE_ID);
    ids.put("email", Events.EMAIL_KEY);
    ids.put("phone", Events.PHONE_E164);
    ids.put("loyalty", Events.LOYALTY_ID);
    return ids;
  }

  /** Silver events tied to a customer: every silver column plus {@code customer_id} and {@code resolved_by}. */
  public static Dataset<Row> customerEvents(Dataset<Row> events, Dataset<Row> eventMap) {
    requireEvents(events);
    SchemaChecks.requireColumns(eventMap, "identity event map", EventMap.EVENT_KEY, EventMap.CUSTOMER_ID,
        EventMap.RESOLVED_BY);
    return events.join(eventMap.select(EventMap.EVENT_KEY, EventMap.CUSTOMER_ID, EventMap.RESOLVED_BY),
        Events.EVENT_KEY);
  }

  /** The {@code gold/journey} rows (without row hash and run id) of {@link #customerEvents}. */
  public static Dataset<Row> journey(Dataset<Row> customerEvents, JourneySettings settings) {
    SchemaChecks.requireColumns(customerEvents, "customer events", Journey.CUSTOMER_ID, EventMap.RESOLVED_BY);
    Dataset<Row> timed = customerEvents.where(col(Events.EVENT_TS).isNotNull());
    Dataset<Row> staged = JourneyStages.assign(Sessionizer.sessionize(timed, Journey.CUSTOMER_ID,
        settings.sessionGapMinutes()), Journey.CUSTOMER_ID, settings.stages(), settings.conversionEventTypes());
    return staged.select(col(Journey.EVENT_KEY), col(Journey.CUSTOMER_ID), col(Journey.EVENT_TS),
        col(Journey.EVENT_DATE), col(Journey.SOURCE), col(Journey.CHANNEL), col(Journey.EVENT_TYPE),
        col(Journey.AMOUNT), col(Journey.CURRENCY), col(Journey.CAMPAIGN), col(Journey.PRODUCT),
        col(Journey.TOUCH_NUMBER), col(Journey.SECONDS_SINCE_PREVIOUS_TOUCH), col(Journey.SESSION_ID),
        col(Journey.SESSION_NUMBER), col(Journey.JOURNEY_STAGE), col(Journey.IS_CONVERSION),
        col(Journey.RESOLVED_BY));
  }

  /** The {@code gold/anonymous_journey} rows (without row hash and run id): timed events the map does not tie. */
  public static Dataset<Row> anonymous(Dataset<Row> events, Dataset<Row> eventMap, JourneySettings settings) {
    requireEvents(events);
    SchemaChecks.requireColumns(eventMap, "identity event map", EventMap.EVENT_KEY);
    Dataset<Row> untied = events.where(col(Events.EVENT_TS).isNotNull())
        .join(eventMap.select(EventMap.EVENT_KEY), Events.EVENT_KEY, "left_anti")
        .withColumn(Journey.ANONYMOUS_ID, anonymousId())
        .withColumn(Journey.ANONYMOUS_ID_TYPE, anonymousIdType())
        .where(col(Journey.ANONYMOUS_ID).isNotNull());
    Dataset<Row> staged = JourneyStages.assign(Sessionizer.sessionize(untied, Journey.ANONYMOUS_ID,
        settings.sessionGapMinutes()), Journey.ANONYMOUS_ID, settings.stages(), settings.conversionEventTypes());
    return staged.select(col(Journey.EVENT_KEY), col(Journey.ANONYMOUS_ID), col(Journey.ANONYMOUS_ID_TYPE),
        col(Journey.EVENT_TS), col(Journey.EVENT_DATE), col(Journey.SOURCE), col(Journey.CHANNEL),
        col(Journey.EVENT_TYPE), col(Journey.AMOUNT), col(Journey.CURRENCY), col(Journey.CAMPAIGN),
        col(Journey.PRODUCT), col(Journey.TOUCH_NUMBER), col(Journey.SECONDS_SINCE_PREVIOUS_TOUCH),
        col(Journey.SESSION_ID), col(Journey.SESSION_NUMBER), col(Journey.JOURNEY_STAGE),
        col(Journey.IS_CONVERSION));
  }

  private static Column anonymousId() {
    return coalesce(ANONYMOUS_IDS.values().stream().map(c -> col(c)).toArray(Column[]::new));
  }

  private static Column anonymousIdType() {
    Column type = lit(null).cast("string");
    List<Map.Entry<String, String>> ids = List.copyOf(ANONYMOUS_IDS.entrySet());
    for (int i = ids.size() - 1; i >= 0; i--) {
      type = when(col(ids.get(i).getValue()).isNotNull(), lit(ids.get(i).getKey())).otherwise(type);
    }
    return type;
  }

  private static void requireEvents(Dataset<Row> events) {
    SchemaChecks.requireColumns(events, "silver events", Events.EVENT_KEY, Events.SOURCE, Events.EVENT_TYPE,
        Events.CHANNEL, Events.EVENT_TS, Events.EVENT_DATE, Events.AMOUNT, Events.CURRENCY, Events.CAMPAIGN,
        Events.PRODUCT, Events.COOKIE_ID, Events.DEVICE_ID, Events.EMAIL_KEY, Events.PHONE_E164,
        Events.LOYALTY_ID);
  }
}
