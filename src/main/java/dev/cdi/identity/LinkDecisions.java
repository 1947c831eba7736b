package dev.cdi.identity;

import static org.apache.spark.sql.functions.array_join;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
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

/**
 * Decides what each scored candidate pair is:
 * <ul>
 *   <li>{@code conflict}: a configured conflict rule holds (for example the given names disagree, or the birth
 *       dates differ beyond a typo): the pair is never linked and the clustering keeps the two records apart;</li>
 *   <li>{@code link}: otherwise, when the records share a strong identifier (rule {@code identifier:email}, ...)
 *       or the match probability reaches the threshold (rule {@code fuzzy});</li>
 * </ul>
 * and gives links a {@code strength} for the clustering guardrails: the match weight, plus
 * {@value #IDENTIFIER_BONUS} bits for identifier links so they outrank every fuzzy link. A narrow transform.
 */
final class LinkDecisions {

  static final String RULE = "rule";
  static final String LINK = "link";
  static final String CONFLICT = "conflict";
  static final String STRENGTH = "strength";
  static final double IDENTIFIER_BONUS = 100.0;

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
    SchemaChecks.requireColumns(scored, "scored pairs", IdentifierLinks.IDENTIFIERS,
        ScoreColumns.Scores.MATCH_PROBABILITY, ScoreColumns.Scores.MATCH_WEIGHT);
    Column conflict = conflict(settings);
    Column shared = col(IdentifierLinks.IDENTIFIERS).isNotNull().and(size(col(IdentifierLinks.IDENTIFIERS)).gt(0));
    Column likely = col(ScoreColumns.Scores.MATCH_PROBABILITY).geq(settings.matchThreshold());
    return scored
        .withColumn(CONFLICT, conflict)
        .withColumn(RULE, when(shared, concat(lit("identifier:"), array_join(col(IdentifierLinks.IDENTIFIERS), "+")))
            .otherwise(lit("fuzzy")))
        .withColumn(LINK, not(conflict).and(shared.or(likely)))
        .withColumn(STRENGTH, col(ScoreColumns.Scores.MATCH_WEIGHT)
            .plus(when(shared, lit(IDENTIFIER_BONUS)).otherwise(lit(0.0))));
  }
}
