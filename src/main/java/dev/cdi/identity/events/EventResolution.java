package dev.cdi.identity.events;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.when;

import dev.cdi.io.Columns.EventMap;
import dev.cdi.io.Columns.Events;
import dev.cdi.io.Columns.IdentityMap;
import dev.cdi.spark.SchemaChecks;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * Ties events to customers through the identifiers they carry, strongest first:
 * <ol>
 *   <li>{@code record}: the identity record the event belongs to in its own system (an order's account);</li>
 *   <li>{@code loyalty}, {@code email}, {@code phone}: a value that identity records of exactly one customer hold
 *       (a value held by several customers, or a blocked placeholder, ties nothing);</li>
 *   <li>{@code cookie}, {@code device}: the customer whose events, resolved by the step above, carry the same
 *       cookie or device most often (ties: the latest such event, then the smaller customer id). So a web login
 *       ties its anonymous cookie, and every other event of that cookie, to the account's customer.</li>
 * </ol>
 * Events that nothing ties stay out of the result; they are anonymous until a later login links them.
 *
 * <p>Shuffle cost: a join of the events with the identity map, one with each identifier lookup (built by
 * aggregating the identity records per value), and one aggregation per anonymous identifier kind. Deterministic:
 * every choice has a total order.
 */
public final class EventResolution {

  /** Identifier kinds looked up in identity records: event column → identity column. */
  private static final Map<String, String> LOOKUPS = Map.of("loyalty", Events.LOYALTY_ID, "email",
      Events.EMAIL_KEY, "phone", Events.PHONE_E164);
  private static final List<String> LOOKUP_ORDER = List.of("loyalty", "email", "phone");
  private static final List<String> ANONYMOUS = List.of(Events.COOKIE_ID, Events.DEVICE_ID);

  private EventResolution() {
  }

  /** Both steps in one plan: {@link #anonymous} over {@link #direct} (callers on large data persist between). */
  public static Dataset<Row> resolve(Dataset<Row> events, Dataset<Row> identities, Dataset<Row> map,
                                     Map<String, Set<String>> blocked) {
    return anonymous(direct(events, identities, map, blocked));
  }

  /**
   * Step 1: every event with {@code customer_id} and {@code resolved_by} set when its record or a strong
   * identifier ties it (null otherwise), plus the cookie, device and time columns step 2 needs.
   *
   * @param events     silver events
   * @param identities silver identities ({@code record_key} and the identifier columns)
   * @param map        the identity map ({@code record_key}, {@code customer_id})
   * @param blocked    identifier values never used, by event column
   */
  public static Dataset<Row> direct(Dataset<Row> events, Dataset<Row> identities, Dataset<Row> map,
                                    Map<String, Set<String>> blocked) {
    SchemaChecks.requireColumns(events, "silver events", Events.EVENT_KEY, Events.EVENT_TS, Events.RECORD_KEY,
        Events.LOYALTY_ID, Events.EMAIL_KEY, Events.PHONE_E164, Events.COOKIE_ID, Events.DEVICE_ID);
    SchemaChecks.requireColumns(identities, "silver identities", IdentityMap.RECORD_KEY, Events.LOYALTY_ID,
        Events.EMAIL_KEY, Events.PHONE_E164);
    SchemaChecks.requireColumns(map, "identity map", IdentityMap.RECORD_KEY, IdentityMap.CUSTOMER_ID);
    Dataset<Row> customers = identities.select(IdentityMap.RECORD_KEY, Events.LOYALTY_ID, Events.EMAIL_KEY,
        Events.PHONE_E164).join(map.select(IdentityMap.RECORD_KEY, IdentityMap.CUSTOMER_ID), IdentityMap.RECORD_KEY);
    Dataset<Row> e = events.select(Events.EVENT_KEY, Events.EVENT_TS, Events.RECORD_KEY, Events.LOYALTY_ID,
        Events.EMAIL_KEY, Events.PHONE_E164, Events.COOKIE_ID, Events.DEVICE_ID);
    Dataset<Row> byRecord = map.select(col(IdentityMap.RECORD_KEY), col(IdentityMap.CUSTOMER_ID).as("c_record"));
    e = e.join(byRecord, e.col(Events.RECORD_KEY).equalTo(byRecord.col(IdentityMap.RECORD_KEY)), "left")
        .drop(byRecord.col(IdentityMap.RECORD_KEY));
    Column customer = col("c_record");
    Column via = when(col("c_record").isNotNull(), lit("record"));
    for (String kind : LOOKUP_ORDER) {
      String column = LOOKUPS.get(kind);
      Dataset<Row> lookup = unambiguous(customers, column, blocked.getOrDefault(column, Set.of()), "c_" + kind);
      e = e.join(lookup, e.col(column).equalTo(lookup.col("v_" + kind)), "left").drop("v_" + kind);
      customer = coalesce(customer, col("c_" + kind));
      via = via.when(col("c_" + kind).isNotNull(), lit(kind));
    }
    return e.select(col(Events.EVENT_KEY), col(Events.EVENT_TS), col(Events.COOKIE_ID), col(Events.DEVICE_ID),
        customer.as(EventMap.CUSTOMER_ID), via.as(EventMap.RESOLVED_BY));
  }

  /**
   * Step 2: events still unresolved take the customer their cookie, else their device, was most often seen with
   * among the events step 1 resolved. Returns {@code event_key}, {@code customer_id}, {@code resolved_by} for the
   * events tied to a customer.
   */
  public static Dataset<Row> anonymous(Dataset<Row> direct) {
    Dataset<Row> out = direct;
    for (String anonymous : ANONYMOUS) {
      out = attach(out, owners(direct, anonymous), anonymous);
    }
    return out.where(col(EventMap.CUSTOMER_ID).isNotNull())
        .select(Events.EVENT_KEY, EventMap.CUSTOMER_ID, EventMap.RESOLVED_BY);
  }

  /** Identifier values whose identity records all belong to one customer: {@code v_<kind>}, {@code c_<kind>}. */
  private static Dataset<Row> unambiguous(Dataset<Row> customers, String column, Set<String> blocked, String out) {
    Column usable = col(column).isNotNull();
    if (!blocked.isEmpty()) {
      usable = usable.and(not(col(column).isin(blocked.toArray())));
    }
    String kind = out.substring(2);
    return customers.where(usable).groupBy(col(column).as("v_" + kind))
        .agg(countDistinct(IdentityMap.CUSTOMER_ID).as("n"), first(IdentityMap.CUSTOMER_ID).as(out))
        .where(col("n").equalTo(1)).drop("n");
  }

  /** Per cookie (or device) value, the customer most often seen with it: {@code a_value}, {@code a_customer}. */
  private static Dataset<Row> owners(Dataset<Row> direct, String column) {
    Dataset<Row> votes = direct.where(col(column).isNotNull().and(col(EventMap.CUSTOMER_ID).isNotNull()))
        .groupBy(col(column).as("a_value"), col(EventMap.CUSTOMER_ID).as("a_customer"))
        .agg(count(lit(1)).as("n"), max(Events.EVENT_TS).as("latest"));
    return votes.withColumn("rank", row_number().over(Window.partitionBy("a_value")
            .orderBy(col("n").desc(), col("latest").desc_nulls_last(), col("a_customer").asc())))
        .where(col("rank").equalTo(1)).select("a_value", "a_customer");
  }

  private static Dataset<Row> attach(Dataset<Row> events, Dataset<Row> owner, String column) {
    String kind = column.replace("_id", "");
    Dataset<Row> joined = events.join(owner, events.col(column).equalTo(owner.col("a_value")), "left");
    return joined
        .withColumn(EventMap.RESOLVED_BY, when(col(EventMap.CUSTOMER_ID).isNull().and(col("a_customer").isNotNull()),
            lit(kind)).otherwise(col(EventMap.RESOLVED_BY)))
        .withColumn(EventMap.CUSTOMER_ID, coalesce(col(EventMap.CUSTOMER_ID), col("a_customer")))
        .drop("a_value", "a_customer");
  }
}
