package dev.cdi.gold.customer;

import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.bround;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.map_from_entries;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sort_array;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import dev.cdi.io.Columns.Customer360;
import dev.cdi.io.Columns.Events;
import dev.cdi.silver.EventSchema;
import dev.cdi.spark.SchemaChecks;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Per-customer aggregates of the events tied to customers: activity span and count, orders and revenue, email
 * engagement, support, the devices and cookies seen, and the channel mix with the preferred channel. An order is a
 * conversion event with an amount above zero (the sample maps refunded and cancelled orders to 0); revenue is in
 * the reporting currency (see {@link TraitSettings.Currency}).
 *
 * <p>Shuffle cost: one aggregation by customer, and one by customer and channel for the channel mix, joined by
 * customer. Deterministic: collected sets and lists are sorted.
 */
public final class CustomerTraits {

  static final String FIRST_EVENT_AT = "_first_event_at";
  static final String LAST_EVENT_AT = "_last_event_at";
  private static final String IS_ORDER = "_is_order";
  private static final String REPORTED_AMOUNT = "_reported_amount";
  private static final String TOUCHES = "_touches";
  private static final String LATEST = "_latest";

  private CustomerTraits() {
  }

  /** One row per customer with events. */
  public static Dataset<Row> fromEvents(Dataset<Row> customerEvents, List<String> conversionTypes,
                                        TraitSettings settings) {
    SchemaChecks.requireColumns(customerEvents, "customer events", Customer360.CUSTOMER_ID, Events.EVENT_TS,
        Events.EVENT_TYPE, Events.CHANNEL, Events.AMOUNT, Events.CURRENCY, Events.ATTRIBUTES, Events.COOKIE_ID,
        Events.DEVICE_ID);
    Dataset<Row> events = customerEvents
        .withColumn(IS_ORDER, coalesce(col(Events.EVENT_TYPE).isin(conversionTypes.toArray())
            .and(col(Events.AMOUNT).gt(0)), lit(false)))
        .withColumn(REPORTED_AMOUNT, reported(settings.currency()));
    Dataset<Row> totals = events.groupBy(Customer360.CUSTOMER_ID).agg(
        min(Events.EVENT_TS).as(FIRST_EVENT_AT), max(Events.EVENT_TS).as(LAST_EVENT_AT),
        count(lit(1)).as(Customer360.TOUCHPOINTS),
        sum(when(col(IS_ORDER), 1L).otherwise(0L)).as(Customer360.ORDERS),
        coalesce(sum(when(col(IS_ORDER), col(REPORTED_AMOUNT))), lit(BigDecimal.ZERO)).cast(EventSchema.AMOUNT_TYPE)
            .as(Customer360.REVENUE),
        min(when(col(IS_ORDER), col(Events.EVENT_TS))).as(Customer360.FIRST_PURCHASE_AT),
        max(when(col(IS_ORDER), col(Events.EVENT_TS))).as(Customer360.LAST_PURCHASE_AT),
        typeCount(settings.emailSend()).as(Customer360.EMAILS_SENT),
        typeCount(settings.emailOpen()).as(Customer360.EMAILS_OPENED),
        typeCount(settings.emailClick()).as(Customer360.EMAILS_CLICKED),
        typeCount(settings.emailUnsubscribe()).gt(0).as(Customer360.EMAIL_UNSUBSCRIBED),
        typeCount(settings.supportTicket()).as(Customer360.SUPPORT_TICKETS),
        sum(when(openTicket(settings), 1L).otherwise(0L)).as(Customer360.OPEN_SUPPORT_TICKETS),
        max(when(col(Events.EVENT_TYPE).equalTo(settings.supportTicket()), col(Events.EVENT_TS)))
            .as(Customer360.LAST_SUPPORT_CONTACT_AT),
        array_sort(collect_set(Events.DEVICE_ID)).as(Customer360.DEVICE_IDS),
        array_sort(collect_set(Events.COOKIE_ID)).as(Customer360.COOKIE_IDS));
    return totals.join(channels(events), Customer360.CUSTOMER_ID, "left");
  }

  /** The channel mix (channel → touchpoints, channels in name order) and the preferred channel. */
  private static Dataset<Row> channels(Dataset<Row> events) {
    Dataset<Row> perChannel = events.where(col(Events.CHANNEL).isNotNull())
        .groupBy(Customer360.CUSTOMER_ID, Events.CHANNEL)
        .agg(count(lit(1)).as(TOUCHES), max(Events.EVENT_TS).as(LATEST));
    return perChannel.groupBy(Customer360.CUSTOMER_ID).agg(
        map_from_entries(array_sort(collect_list(struct(col(Events.CHANNEL), col(TOUCHES)))))
            .as(Customer360.CHANNEL_MIX),
        element_at(sort_array(collect_list(struct(col(TOUCHES), col(LATEST), col(Events.CHANNEL))), false), 1)
            .getField(Events.CHANNEL).as(Customer360.PREFERRED_CHANNEL));
  }

  /** The amount in the reporting currency, rounded half-even to cents; null for a currency without a rate. */
  private static Column reported(TraitSettings.Currency currency) {
    Column amount = when(col(Events.CURRENCY).isNull().or(col(Events.CURRENCY).equalTo(currency.reporting())),
        col(Events.AMOUNT));
    for (Map.Entry<String, BigDecimal> rate : currency.rates().entrySet()) {
      amount = amount.when(col(Events.CURRENCY).equalTo(rate.getKey()),
          bround(col(Events.AMOUNT).multiply(lit(rate.getValue())), 2));
    }
    return amount.cast(EventSchema.AMOUNT_TYPE);
  }

  private static Column typeCount(String eventType) {
    return sum(when(col(Events.EVENT_TYPE).equalTo(eventType), 1L).otherwise(0L));
  }

  private static Column openTicket(TraitSettings settings) {
    return coalesce(col(Events.EVENT_TYPE).equalTo(settings.supportTicket()).and(
        element_at(col(Events.ATTRIBUTES), settings.statusAttribute()).isin(settings.openStatuses().toArray())),
        lit(false));
  }
}
