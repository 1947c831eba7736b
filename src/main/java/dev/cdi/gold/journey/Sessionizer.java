package dev.cdi.gold.journey;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.format_string;
import static org.apache.spark.sql.functions.lag;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import dev.cdi.io.Columns.Journey;
import dev.cdi.spark.SchemaChecks;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

/**
 * Numbers each entity's touchpoints in time order and cuts them into sessions: a touchpoint more than the gap
 * after the previous one (on any channel) starts a new session. Times are instants (UTC), so midnight and the
 * sources' time zones play no part. Adds {@code touch_number} (1-based), {@code seconds_since_previous_touch}
 * (null for the first), {@code session_number} (1-based) and {@code session_id} ({@code <entity>-<0001>}).
 *
 * <p>Shuffle cost: one exchange by entity, shared by the window functions (they use one window). Deterministic:
 * ties in time are ordered by event key, so a rerun numbers the same events the same way.
 */
public final class Sessionizer {

  private static final String PREVIOUS_MICROS = "_previous_micros";
  private static final String MICROS = "_micros";
  private static final String STARTS_SESSION = "_starts_session";

  private Sessionizer() {
  }

  /**
   * @param touchpoints rows with {@code entityColumn}, {@code event_ts} and {@code event_key}
   * @param gapMinutes  inactivity after which a new session starts
   */
  public static Dataset<Row> sessionize(Dataset<Row> touchpoints, String entityColumn, int gapMinutes) {
    SchemaChecks.requireColumns(touchpoints, "touchpoints", entityColumn, Journey.EVENT_TS, Journey.EVENT_KEY);
    WindowSpec inOrder = Window.partitionBy(entityColumn).orderBy(col(Journey.EVENT_TS), col(Journey.EVENT_KEY));
    long gapMicros = gapMinutes * 60L * 1_000_000L;
    Column gap = col(MICROS).minus(col(PREVIOUS_MICROS));
    return touchpoints
        .withColumn(MICROS, expr("unix_micros(" + Journey.EVENT_TS + ")"))
        .withColumn(PREVIOUS_MICROS, lag(col(MICROS), 1).over(inOrder))
        .withColumn(Journey.TOUCH_NUMBER, row_number().over(inOrder))
        .withColumn(Journey.SECONDS_SINCE_PREVIOUS_TOUCH, expr("floor((" + MICROS + " - " + PREVIOUS_MICROS
            + ") / 1000000)"))
        .withColumn(STARTS_SESSION, when(col(PREVIOUS_MICROS).isNull().or(gap.gt(lit(gapMicros))), lit(1))
            .otherwise(lit(0)))
        .withColumn(Journey.SESSION_NUMBER, sum(col(STARTS_SESSION)).over(inOrder.rowsBetween(Window.unboundedPreceding(),
            Window.currentRow())).cast("int"))
        .withColumn(Journey.SESSION_ID, format_string("%s-%04d", col(entityColumn), col(Journey.SESSION_NUMBER)))
        .drop(MICROS, PREVIOUS_MICROS, STARTS_SESSION);
  }
}
