package dev.cdi.gold.customer;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.when;

import dev.cdi.io.Columns.Customer360;
import dev.cdi.silver.EventSchema;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Traits derived row by row from a customer's aggregates: average order value, days since the last purchase as of
 * a given date, email open and click rates, and RFM scores (1-5, by the configured thresholds) with a segment:
 * <ul>
 *   <li>{@code champions}: recency and frequency 4 or more; {@code loyal}: both 3 or more;</li>
 *   <li>{@code new}: recency 4 or more with one order; {@code at_risk}: recency 2 or less, frequency 3 or more;</li>
 *   <li>{@code hibernating}: recency 2 or less, frequency 2 or less; {@code promising}: the rest who bought;</li>
 *   <li>{@code prospect}: no order yet (scores null).</li>
 * </ul>
 * Fixed thresholds (not quantiles) keep a customer's scores independent of other customers, so new data changes
 * only the rows of the customers it concerns (and recency as the as-of date moves). No shuffle.
 */
public final class CustomerScores {

  private CustomerScores() {
  }

  /** Adds the derived traits to rows holding the aggregates of {@link CustomerTraits}. */
  public static Dataset<Row> derive(Dataset<Row> customers, LocalDate asOfDate, TraitSettings.Rfm rfm) {
    Column orders = col(Customer360.ORDERS);
    return customers
        .withColumn(Customer360.AVERAGE_ORDER_VALUE, when(orders.gt(0), col(Customer360.REVENUE).divide(orders))
            .cast(EventSchema.AMOUNT_TYPE))
        .withColumn(Customer360.DAYS_SINCE_LAST_PURCHASE, datediff(lit(java.sql.Date.valueOf(asOfDate)),
            to_date(col(Customer360.LAST_PURCHASE_AT))))
        .withColumn(Customer360.EMAIL_OPEN_RATE, rate(Customer360.EMAILS_OPENED))
        .withColumn(Customer360.EMAIL_CLICK_RATE, rate(Customer360.EMAILS_CLICKED))
        .withColumn(Customer360.RECENCY_SCORE, recency(rfm.recencyDays()))
        .withColumn(Customer360.FREQUENCY_SCORE, ascending(orders, rfm.orders().stream().map(BigDecimal::valueOf)
            .toList()))
        .withColumn(Customer360.MONETARY_SCORE, ascending(col(Customer360.REVENUE), rfm.revenue()))
        .withColumn(Customer360.RFM_SEGMENT, segment());
  }

  private static Column rate(String count) {
    Column sent = col(Customer360.EMAILS_SENT);
    return when(sent.gt(0), col(count).cast("double").divide(sent));
  }

  /** 5 within the first threshold's days, down to 1 beyond the last; null without a purchase. */
  private static Column recency(List<Integer> days) {
    Column since = col(Customer360.DAYS_SINCE_LAST_PURCHASE);
    Column score = when(since.isNull(), lit(null).cast("int"));
    for (int i = 0; i < days.size(); i++) {
      score = score.when(since.leq(days.get(i)), lit(5 - i));
    }
    return score.otherwise(lit(1));
  }

  /** 1 plus the number of thresholds {@code value} reaches; null without an order. */
  private static Column ascending(Column value, List<BigDecimal> thresholds) {
    Column score = lit(1);
    for (BigDecimal t : thresholds) {
      score = score.plus(when(value.geq(lit(t)), lit(1)).otherwise(lit(0)));
    }
    return when(col(Customer360.ORDERS).gt(0), score);
  }

  private static Column segment() {
    Column r = col(Customer360.RECENCY_SCORE);
    Column f = col(Customer360.FREQUENCY_SCORE);
    return when(col(Customer360.ORDERS).equalTo(0), lit("prospect"))
        .when(r.geq(4).and(f.geq(4)), lit("champions"))
        .when(r.geq(3).and(f.geq(3)), lit("loyal"))
        .when(r.geq(4).and(f.equalTo(1)), lit("new"))
        .when(r.leq(2).and(f.geq(3)), lit("at_risk"))
        .when(r.leq(2), lit("hibernating"))
        .otherwise(lit("promising"));
  }
}
