package dev.cdi.gold.customer;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.map;

import dev.cdi.io.Columns.Customer360;
import dev.cdi.silver.EventSchema;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Assembles {@code gold/customer_360} rows (without row hash and run id) from the golden attributes, the
 * identifiers, the event traits, the household assignment and the previous ids: one row per customer of the
 * golden attributes (every customer of the identity map). Customers without events get zero counts and revenue.
 *
 * <p>Shuffle cost: four joins by customer id. Deterministic: a function of its inputs and the as-of date.
 */
public final class GoldenRecords {

  private GoldenRecords() {
  }

  /**
   * The parts of a golden record.
   *
   * @param golden      {@link Survivorship#golden} output
   * @param identifiers {@link CustomerIdentifiers#fromRecords} output
   * @param traits      {@link CustomerTraits#fromEvents} output
   * @param households  {@code customer_id}, {@code household_id}
   * @param previousIds {@link CustomerIdentifiers#previousIds} output
   */
  public record Parts(Dataset<Row> golden, Dataset<Row> identifiers, Dataset<Row> traits, Dataset<Row> households,
                      Dataset<Row> previousIds) {
  }

  public static Dataset<Row> assemble(Parts parts, LocalDate asOfDate, TraitSettings settings) {
    Dataset<Row> joined = parts.golden()
        .join(parts.identifiers(), Customer360.CUSTOMER_ID, "left")
        .join(parts.traits(), Customer360.CUSTOMER_ID, "left")
        .join(parts.households(), Customer360.CUSTOMER_ID, "left")
        .join(parts.previousIds(), Customer360.CUSTOMER_ID, "left");
    Dataset<Row> filled = zeroWithoutEvents(joined)
        .withColumn(Customer360.FIRST_SEEN_AT, least(col(CustomerTraits.FIRST_EVENT_AT),
            col(CustomerIdentifiers.FIRST_RECORD_UPDATE)))
        .withColumn(Customer360.LAST_SEEN_AT, greatest(col(CustomerTraits.LAST_EVENT_AT),
            col(CustomerIdentifiers.LAST_RECORD_UPDATE)))
        .withColumn(Customer360.PROVENANCE, provenance())
        .withColumn(Customer360.AS_OF_DATE, lit(java.sql.Date.valueOf(asOfDate)));
    return CustomerScores.derive(filled, asOfDate, settings.rfm()).select(columns());
  }

  private static Dataset<Row> zeroWithoutEvents(Dataset<Row> joined) {
    Dataset<Row> out = joined;
    for (String count : List.of(Customer360.TOUCHPOINTS, Customer360.ORDERS, Customer360.EMAILS_SENT,
        Customer360.EMAILS_OPENED, Customer360.EMAILS_CLICKED, Customer360.SUPPORT_TICKETS,
        Customer360.OPEN_SUPPORT_TICKETS)) {
      out = out.withColumn(count, coalesce(col(count), lit(0L)));
    }
    Column noStrings = array().cast("array<string>");
    return out.withColumn(Customer360.REVENUE, coalesce(col(Customer360.REVENUE), lit(BigDecimal.ZERO))
            .cast(EventSchema.AMOUNT_TYPE))
        .withColumn(Customer360.EMAIL_UNSUBSCRIBED, coalesce(col(Customer360.EMAIL_UNSUBSCRIBED), lit(false)))
        .withColumn(Customer360.DEVICE_IDS, coalesce(col(Customer360.DEVICE_IDS), noStrings))
        .withColumn(Customer360.COOKIE_IDS, coalesce(col(Customer360.COOKIE_IDS), noStrings))
        .withColumn(Customer360.PREVIOUS_CUSTOMER_IDS, coalesce(col(Customer360.PREVIOUS_CUSTOMER_IDS), noStrings))
        .withColumn(Customer360.CHANNEL_MIX, coalesce(col(Customer360.CHANNEL_MIX), map().cast("map<string,bigint>")));
  }

  /** Attribute name → provenance struct, for the attributes that have a value. */
  private static Column provenance() {
    List<String> entries = new ArrayList<>();
    for (SurvivorshipAttribute attribute : SurvivorshipAttribute.values()) {
      entries.add("'" + attribute.configName() + "', `" + Survivorship.provenanceColumn(attribute) + "`");
    }
    return expr("map_filter(map(" + String.join(", ", entries) + "), (k, v) -> v IS NOT NULL)");
  }

  private static Column[] columns() {
    List<String> names = new ArrayList<>(List.of(Customer360.CUSTOMER_ID));
    for (SurvivorshipAttribute attribute : SurvivorshipAttribute.values()) {
      names.addAll(attribute.goldColumns());
    }
    names.addAll(List.of(Customer360.PROVENANCE, Customer360.EMAILS, Customer360.PHONES, Customer360.LOYALTY_IDS,
        Customer360.DEVICE_IDS, Customer360.COOKIE_IDS, Customer360.SOURCE_RECORDS, Customer360.SOURCES,
        Customer360.PREVIOUS_CUSTOMER_IDS, Customer360.FIRST_SEEN_AT, Customer360.LAST_SEEN_AT,
        Customer360.TOUCHPOINTS, Customer360.ORDERS, Customer360.REVENUE, Customer360.AVERAGE_ORDER_VALUE,
        Customer360.FIRST_PURCHASE_AT, Customer360.LAST_PURCHASE_AT, Customer360.DAYS_SINCE_LAST_PURCHASE,
        Customer360.RECENCY_SCORE, Customer360.FREQUENCY_SCORE, Customer360.MONETARY_SCORE, Customer360.RFM_SEGMENT,
        Customer360.PREFERRED_CHANNEL, Customer360.CHANNEL_MIX, Customer360.EMAILS_SENT, Customer360.EMAILS_OPENED,
        Customer360.EMAILS_CLICKED, Customer360.EMAIL_OPEN_RATE, Customer360.EMAIL_CLICK_RATE,
        Customer360.EMAIL_UNSUBSCRIBED, Customer360.SUPPORT_TICKETS, Customer360.OPEN_SUPPORT_TICKETS,
        Customer360.LAST_SUPPORT_CONTACT_AT, Customer360.HOUSEHOLD_ID, Customer360.AS_OF_DATE));
    return names.stream().map(n -> col(n)).toArray(Column[]::new);
  }
}
