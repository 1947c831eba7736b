package dev.cdi.gold.journey;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.when;

import dev.cdi.io.Columns.Journey;
import dev.cdi.spark.SchemaChecks;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * Marks conversions ({@code is_conversion}) and gives every touchpoint a journey stage by the configured rules:
 * the first rule it matches wins, the default stage otherwise. A rule with {@code after_first_purchase} matches
 * only touchpoints later than the entity's first conversion.
 *
 * <p>Shuffle cost: one exchange by entity for the first-conversion time (none when the input is already
 * partitioned by entity, as the sessionized journey is). Deterministic: a pure function of each entity's rows.
 */
public final class JourneyStages {

  private static final String FIRST_CONVERSION = "_first_conversion";

  private JourneyStages() {
  }

  public static Dataset<Row> assign(Dataset<Row> touchpoints, String entityColumn, StageRules rules,
                                    List<String> conversionTypes) {
    SchemaChecks.requireColumns(touchpoints, "touchpoints", entityColumn, Journey.EVENT_TS, Journey.EVENT_TYPE,
        Journey.CHANNEL);
    Column conversion = col(Journey.EVENT_TYPE).isin(conversionTypes.toArray());
    return touchpoints
        .withColumn(Journey.IS_CONVERSION, conversion)
        .withColumn(FIRST_CONVERSION, min(when(conversion, col(Journey.EVENT_TS)))
            .over(Window.partitionBy(entityColumn)))
        .withColumn(Journey.JOURNEY_STAGE, stage(rules))
        .drop(FIRST_CONVERSION);
  }

  private static Column stage(StageRules rules) {
    Column stage = lit(rules.defaultStage());
    List<StageRule> list = rules.rules();
    for (int i = list.size() - 1; i >= 0; i--) {
      stage = when(matches(list.get(i)), lit(list.get(i).stage())).otherwise(stage);
    }
    return stage;
  }

  private static Column matches(StageRule rule) {
    Column match = lit(true);
    if (!rule.eventTypes().isEmpty()) {
      match = match.and(col(Journey.EVENT_TYPE).isin(rule.eventTypes().toArray()));
    }
    if (!rule.channels().isEmpty()) {
      match = match.and(col(Journey.CHANNEL).isin(rule.channels().toArray()));
    }
    if (rule.afterFirstPurchase()) {
      match = match.and(col(Journey.EVENT_TS).gt(col(FIRST_CONVERSION)));
    }
    return coalesce(match, lit(false));
  }
}
