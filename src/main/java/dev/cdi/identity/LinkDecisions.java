package dev.cdi.identity;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_except;
import static org.apache.spark.sql.functions.array_join;
import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.array_union;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.when;

import dev.cdi.identity.IdentitySettings.ConflictRule;
import dev.cdi.identity.link.IdentifierLinks;
import dev.cdi.identity.score.ScoreColumns;
import dev.cdi.spark.SchemaChecks;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;

/**
 * Decides what each scored candidate pair is:
 * <ul>
 *   <li>{@code conflict}: a configured conflict rule holds (for example the given names disagree, or the birth
 *       dates differ beyond a typo): the pair is never linked and the clustering keeps the two records apart;</li>
 *   <li>{@code link}: otherwise, when the records share a strong identifier (rule {@code identifier:email}, ...)
 *       or the match probability reaches the threshold (rule {@code fuzzy});</li>
 * </ul>
 * and gives links a {@code strength} for the clustering guardrails: the match weight, plus
 * {@value #IDENTIFIER_BONUS} bits for identifier links so they outrank every fuzzy link.
 *
 * <p>An identifier that two records in conflict share (a family's email, given names that disagree) is not a
 * person key for either of them: a pair that shares only identifiers a conflicting pair has shown to be shared by
 * different people, at either end, links only on its match probability. Otherwise a record holding just the
 * family email would be tied to whichever family member the clustering meets first.
 *
 * <p>Cost: the vetoed identifier pairs' ends are aggregated (one small shuffle) and joined back to the pairs by
 * each end (broadcast when small). Deterministic.
 */
final class LinkDecisions {

  static final String RULE = "rule";
  static final String LINK = "link";
  static final String CONFLICT = "conflict";
  static final String STRENGTH = "strength";
  static final double IDENTIFIER_BONUS = 100.0;
  private static final String NODE = "_node";
  private static final String IDENTIFIER = "_identifier";
  private static final String DISTRUSTED = "_distrusted";
  private static final String LEFT_NODE = "_left_node";
  private static final String RIGHT_NODE = "_right_node";
  private static final String LEFT_DISTRUSTED = "_left_distrusted";
  private static final String RIGHT_DISTRUSTED = "_right_distrusted";
  private static final DataType STRINGS = DataTypes.createArrayType(DataTypes.StringType);

  private LinkDecisions() {
  }

  /** True for pairs a conflict rule declares two different people (a condition over the level columns). */
  static Column conflict(IdentitySettings settings) {
    Column conflict = lit(false);
    for (ConflictRule rule : settings.conflicts()) {
      Column level = col(ScoreColumns.Pairs.gamma(rule.comparison()));
      conflict = conflict.or(level.geq(0).and(level.leq(rule.maxLevel())));
    }
    return conflict;
  }

  static Dataset<Row> decide(Dataset<Row> scored, IdentitySettings settings) {
    SchemaChecks.requireColumns(scored, "scored pairs", IdentifierLinks.LEFT_ID, IdentifierLinks.RIGHT_ID,
        IdentifierLinks.IDENTIFIERS, ScoreColumns.Scores.MATCH_PROBABILITY, ScoreColumns.Scores.MATCH_WEIGHT);
    Dataset<Row> withConflict = scored.withColumn(CONFLICT, conflict(settings));
    Dataset<Row> distrusted = distrusted(withConflict);
    Column left = col(LEFT_DISTRUSTED);
    Column right = col(RIGHT_DISTRUSTED);
    Column trusted = array_except(col(IdentifierLinks.IDENTIFIERS), array_union(
        coalesce(left, array().cast(STRINGS)), coalesce(right, array().cast(STRINGS))));
    Column shared = col(IdentifierLinks.IDENTIFIERS).isNotNull().and(size(trusted).gt(0));
    Column likely = col(ScoreColumns.Scores.MATCH_PROBABILITY).geq(settings.matchThreshold());
    return withConflict
        .join(broadcast(distrusted.toDF(LEFT_NODE, LEFT_DISTRUSTED)),
            col(IdentifierLinks.LEFT_ID).equalTo(col(LEFT_NODE)), "left")
        .join(broadcast(distrusted.toDF(RIGHT_NODE, RIGHT_DISTRUSTED)),
            col(IdentifierLinks.RIGHT_ID).equalTo(col(RIGHT_NODE)), "left")
        .withColumn(RULE, when(shared, concat(lit("identifier:"), array_join(trusted, "+")))
            .when(col(CONFLICT).and(size(col(IdentifierLinks.IDENTIFIERS)).gt(0)), concat(lit("identifier:"),
                array_join(col(IdentifierLinks.IDENTIFIERS), "+")))
            .otherwise(lit("fuzzy")))
        .withColumn(LINK, not(col(CONFLICT)).and(shared.or(likely)))
        .withColumn(STRENGTH, col(ScoreColumns.Scores.MATCH_WEIGHT)
            .plus(when(shared, lit(IDENTIFIER_BONUS)).otherwise(lit(0.0))))
        .drop(LEFT_NODE, LEFT_DISTRUSTED, RIGHT_NODE, RIGHT_DISTRUSTED);
  }

  /** Per record, the identifiers it shares with a record a conflict rule declared another person. */
  private static Dataset<Row> distrusted(Dataset<Row> withConflict) {
    Dataset<Row> vetoed = withConflict.where(col(CONFLICT).and(col(IdentifierLinks.IDENTIFIERS).isNotNull()));
    Column identifier = explode(col(IdentifierLinks.IDENTIFIERS)).as(IDENTIFIER);
    return vetoed.select(col(IdentifierLinks.LEFT_ID).as(NODE), identifier)
        .union(vetoed.select(col(IdentifierLinks.RIGHT_ID).as(NODE), identifier))
        .groupBy(NODE).agg(array_sort(collect_set(col(IDENTIFIER))).as(DISTRUSTED));
  }
}
