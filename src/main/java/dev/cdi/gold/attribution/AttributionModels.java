package dev.cdi.gold.attribution;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.pow;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import dev.cdi.io.Columns.Attribution;
import dev.cdi.io.Columns.Journey;
import dev.cdi.spark.SchemaChecks;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

/**
 * Multi-touch attribution over the journey. For every conversion, the same customer's non-conversion touchpoints
 * in the lookback window (at most {@code lookback_days} before it, strictly earlier) form its path, ordered by time
 * then event key; each gets a credit under five models, and each model's credits sum to 1 per conversion:
 * <ul>
 *   <li>first touch: 1 to the first; last touch: 1 to the last; linear: 1/n each;</li>
 *   <li>time decay: weight 2^(-age / half-life), age = time from touchpoint to conversion, normalized;</li>
 *   <li>position based: first and last get their shares (40/40), the middle ones split theirs (20) evenly; with
 *       two touchpoints first and last share everything in proportion to theirs; with one it gets 1.</li>
 * </ul>
 * A conversion with no touchpoint in its window gets one row with touch channel {@code direct} and credit 1.
 *
 * <p>Shuffle cost: one join of conversions with touchpoints by customer (a sort-merge join with a time-range
 * condition, so a customer's conversions × touchpoints are compared), then one exchange by conversion for the
 * window functions. Deterministic: ties in time are ordered by event key.
 */
public final class AttributionModels {

  private static final String CONVERSION_MICROS = "_conversion_micros";
  private static final String TOUCH_MICROS = "_touch_micros";
  private static final String WEIGHT = "_weight";
  private static final String TOUCH_CUSTOMER = "_touch_customer";

  private AttributionModels() {
  }

  /** The {@code gold/attribution} rows (without row hash and run id) of a journey. */
  public static Dataset<Row> credit(Dataset<Row> journey, AttributionSettings settings) {
    SchemaChecks.requireColumns(journey, "journey", Journey.EVENT_KEY, Journey.CUSTOMER_ID, Journey.EVENT_TS,
        Journey.EVENT_DATE, Journey.EVENT_TYPE, Journey.CHANNEL, Journey.CAMPAIGN, Journey.AMOUNT, Journey.CURRENCY,
        Journey.IS_CONVERSION);
    Dataset<Row> paths = paths(journey, settings);
    WindowSpec byConversion = Window.partitionBy(Attribution.CONVERSION_EVENT_KEY);
    WindowSpec inOrder = byConversion.orderBy(col(Attribution.TOUCH_TS).asc_nulls_first(),
        col(Attribution.TOUCH_EVENT_KEY).asc_nulls_first());
    double halfLifeMicros = settings.halfLifeDays() * 86_400e6;
    Dataset<Row> positioned = paths
        .withColumn(Attribution.TOUCH_POSITION, row_number().over(inOrder))
        .withColumn(Attribution.TOUCHES_IN_PATH, count(lit(1)).over(byConversion).cast("int"))
        .withColumn(WEIGHT, when(col(TOUCH_MICROS).isNull(), lit(1.0)).otherwise(pow(lit(2.0),
            col(CONVERSION_MICROS).minus(col(TOUCH_MICROS)).divide(-halfLifeMicros))))
        .withColumn(Attribution.CREDIT_TIME_DECAY, col(WEIGHT).divide(sum(col(WEIGHT)).over(byConversion)));
    return positioned.select(
        concat_ws("|", col(Attribution.CONVERSION_EVENT_KEY), coalesce(col(Attribution.TOUCH_EVENT_KEY),
            lit(Attribution.DIRECT))).as(Attribution.ATTRIBUTION_KEY),
        col(Attribution.CONVERSION_EVENT_KEY), col(Attribution.CUSTOMER_ID), col(Attribution.CONVERSION_TS),
        col(Attribution.CONVERSION_DATE), col(Attribution.CONVERSION_TYPE), col(Attribution.CONVERSION_CHANNEL),
        col(Attribution.CONVERSION_AMOUNT), col(Attribution.CURRENCY), col(Attribution.TOUCH_EVENT_KEY),
        col(Attribution.TOUCH_TS), coalesce(col(Attribution.TOUCH_CHANNEL), lit(Attribution.DIRECT))
            .as(Attribution.TOUCH_CHANNEL),
        col(Attribution.TOUCH_EVENT_TYPE), col(Attribution.TOUCH_CAMPAIGN), col(Attribution.TOUCH_POSITION),
        col(Attribution.TOUCHES_IN_PATH),
        col(CONVERSION_MICROS).minus(col(TOUCH_MICROS)).divide(86_400e6).as(Attribution.DAYS_BEFORE_CONVERSION),
        oneAt(lit(1)).as(Attribution.CREDIT_FIRST_TOUCH),
        oneAt(col(Attribution.TOUCHES_IN_PATH)).as(Attribution.CREDIT_LAST_TOUCH),
        lit(1.0).divide(col(Attribution.TOUCHES_IN_PATH)).as(Attribution.CREDIT_LINEAR),
        col(Attribution.CREDIT_TIME_DECAY),
        positionBased(settings).as(Attribution.CREDIT_POSITION_BASED));
  }

  /** Conversions left-joined with their window's touchpoints (touch columns null when there are none). */
  private static Dataset<Row> paths(Dataset<Row> journey, AttributionSettings settings) {
    Dataset<Row> conversions = journey.where(col(Journey.IS_CONVERSION)).select(
        col(Journey.EVENT_KEY).as(Attribution.CONVERSION_EVENT_KEY), col(Journey.CUSTOMER_ID),
        col(Journey.EVENT_TS).as(Attribution.CONVERSION_TS), col(Journey.EVENT_DATE).as(Attribution.CONVERSION_DATE),
        col(Journey.EVENT_TYPE).as(Attribution.CONVERSION_TYPE), col(Journey.CHANNEL).as(Attribution.CONVERSION_CHANNEL),
        col(Journey.AMOUNT).as(Attribution.CONVERSION_AMOUNT), col(Journey.CURRENCY),
        expr("unix_micros(" + Journey.EVENT_TS + ")").as(CONVERSION_MICROS));
    Dataset<Row> touches = journey.where(not(col(Journey.IS_CONVERSION))).select(
        col(Journey.CUSTOMER_ID).as(TOUCH_CUSTOMER), col(Journey.EVENT_KEY).as(Attribution.TOUCH_EVENT_KEY),
        col(Journey.EVENT_TS).as(Attribution.TOUCH_TS), col(Journey.CHANNEL).as(Attribution.TOUCH_CHANNEL),
        col(Journey.EVENT_TYPE).as(Attribution.TOUCH_EVENT_TYPE), col(Journey.CAMPAIGN).as(Attribution.TOUCH_CAMPAIGN),
        expr("unix_micros(" + Journey.EVENT_TS + ")").as(TOUCH_MICROS));
    long lookbackMicros = settings.lookbackDays() * 86_400_000_000L;
    Column inWindow = col(TOUCH_CUSTOMER).equalTo(col(Journey.CUSTOMER_ID))
        .and(col(TOUCH_MICROS).lt(col(CONVERSION_MICROS)))
        .and(col(TOUCH_MICROS).geq(col(CONVERSION_MICROS).minus(lit(lookbackMicros))));
    return conversions.join(touches, inWindow, "left").drop(TOUCH_CUSTOMER);
  }

  /** Credit 1 to the touchpoint at {@code position}, 0 to the others. */
  private static Column oneAt(Column position) {
    return when(col(Attribution.TOUCH_POSITION).equalTo(position), lit(1.0)).otherwise(lit(0.0));
  }

  private static Column positionBased(AttributionSettings s) {
    Column n = col(Attribution.TOUCHES_IN_PATH);
    Column position = col(Attribution.TOUCH_POSITION);
    double ends = s.firstShare() + s.lastShare();
    return when(n.equalTo(1), lit(1.0))
        .when(n.equalTo(2), when(position.equalTo(1), lit(s.firstShare() / ends)).otherwise(lit(s.lastShare() / ends)))
        .when(position.equalTo(1), lit(s.firstShare()))
        .when(position.equalTo(n), lit(s.lastShare()))
        .otherwise(lit(s.middleShare()).divide(n.minus(2)));
  }
}
