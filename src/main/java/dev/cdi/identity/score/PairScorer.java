package dev.cdi.identity.score;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.log2;
import static org.apache.spark.sql.functions.map;
import static org.apache.spark.sql.functions.pow;
import static org.apache.spark.sql.functions.when;

import dev.cdi.identity.score.ScoreColumns.Pairs;
import dev.cdi.identity.score.ScoreColumns.Scores;
import dev.cdi.spark.SchemaChecks;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;

/**
 * Scores compared pairs with a {@link FellegiSunterModel}: adds {@code match_weight} (double, log2 prior odds plus
 * the comparisons' weights), {@code match_probability} (double, 2^w / (1 + 2^w)), {@code levels}
 * (map&lt;string,int&gt;, comparison name to level) and {@code weights} (map&lt;string,double&gt;, comparison name
 * to weight) for explanations. A null level weighs 0; exact agreement on a tf-adjusted comparison weighs
 * log2(m_exact / max(tf, tfMinimumU)) (Splink's adjustment), any other level log2(m/u).
 *
 * <p>Narrow: plain column expressions with the model's weights as literals, no shuffle, no UDF, no action.
 * Deterministic; all input columns are kept.
 */
public final class PairScorer {

  private PairScorer() {
  }

  /** {@code compared} (with the model's {@code g_*} and {@code tf_*} columns) plus the score columns. */
  public static Dataset<Row> score(Dataset<Row> compared, FellegiSunterModel model, ScoreSettings settings) {
    Comparisons comparisons = model.comparisons();
    List<String> required = new ArrayList<>(comparisons.gammaColumns());
    required.addAll(comparisons.tfColumns());
    SchemaChecks.requireColumns(compared, "compared pairs", required.toArray(new String[0]));

    List<Column> levelEntries = new ArrayList<>();
    List<Column> weightEntries = new ArrayList<>();
    Column total = lit(model.priorWeight());
    for (ComparisonParameters parameters : model.parameters()) {
      String name = parameters.spec().name();
      Column weight = weight(parameters, settings);
      levelEntries.add(lit(name));
      levelEntries.add(col(Pairs.gamma(name)));
      weightEntries.add(lit(name));
      weightEntries.add(weight);
      total = total.plus(weight);
    }
    Column matchWeight = total.cast(DataTypes.DoubleType);
    return compared
        .withColumn(Scores.MATCH_WEIGHT, matchWeight)
        .withColumn(Scores.MATCH_PROBABILITY, lit(1.0).divide(lit(1.0).plus(pow(lit(2.0),
            col(Scores.MATCH_WEIGHT).multiply(-1)))))
        .withColumn(Scores.LEVELS, map(levelEntries.toArray(new Column[0])))
        .withColumn(Scores.WEIGHTS, map(weightEntries.toArray(new Column[0])));
  }

  /** One comparison's weight as an expression of its level (and term frequency). */
  private static Column weight(ComparisonParameters parameters, ScoreSettings settings) {
    ComparisonSpec spec = parameters.spec();
    Column gamma = col(Pairs.gamma(spec.name()));
    Column weight = lit(0.0);
    for (int level = spec.topLevel(); level >= 0; level--) {
      weight = when(gamma.equalTo(level), lit(parameters.weight(level))).otherwise(weight);
    }
    if (spec.tfAdjusted()) {
      Column tf = col(Pairs.tf(spec.name()));
      double mExact = parameters.m().get(spec.topLevel());
      Column adjusted = log2(lit(mExact).divide(greatest(tf, lit(settings.tfMinimumU()))));
      weight = when(gamma.equalTo(spec.topLevel()).and(tf.isNotNull()), adjusted).otherwise(weight);
    }
    return weight;
  }
}
