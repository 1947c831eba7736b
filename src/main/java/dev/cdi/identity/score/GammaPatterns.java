package dev.cdi.identity.score;

import dev.cdi.spark.SchemaChecks;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Collects the distinct level patterns of compared pairs with their counts: one aggregation grouped by all
 * {@code g_*} columns (one shuffle of partial counts) and a collect to the driver, which is the action that u and
 * EM estimation need. The number of distinct patterns is bounded by the product of the level counts and is
 * typically a few hundred. Patterns are returned sorted by level, so the result is deterministic.
 */
public final class GammaPatterns {

  private static final Logger LOG = LoggerFactory.getLogger(GammaPatterns.class);

  private GammaPatterns() {
  }

  /** Distinct patterns of {@code gammas} (which carry a {@code g_<name>} column per comparison) and counts. */
  public static List<GammaPattern> collect(Dataset<Row> gammas, Comparisons comparisons) {
    List<String> columns = comparisons.gammaColumns();
    SchemaChecks.requireColumns(gammas, "compared pairs", columns.toArray(new String[0]));
    Column[] keys = columns.stream().map(functions::col).toArray(Column[]::new);
    List<Row> rows = gammas.groupBy(keys).count().collectAsList();
    List<GammaPattern> patterns = new ArrayList<>(rows.size());
    long pairs = 0;
    for (Row row : rows) {
      List<Integer> levels = new ArrayList<>(columns.size());
      for (int i = 0; i < columns.size(); i++) {
        levels.add(row.getInt(i));
      }
      long count = row.getLong(columns.size());
      pairs += count;
      patterns.add(new GammaPattern(levels, count));
    }
    patterns.sort(GammaPattern::compareLevels);
    LOG.info("Collected {} distinct level patterns over {} pairs", patterns.size(), pairs);
    return List.copyOf(patterns);
  }

  /**
   * Per comparison, how many pairs have each level 0..top (null levels are not counted); pure Java.
   *
   * @return {@code counts[comparison][level]}
   */
  public static long[][] levelCounts(List<GammaPattern> patterns, Comparisons comparisons) {
    checkLevels(patterns, comparisons);
    long[][] counts = new long[comparisons.size()][];
    for (int k = 0; k < comparisons.size(); k++) {
      counts[k] = new long[comparisons.get(k).topLevel() + 1];
    }
    for (GammaPattern pattern : patterns) {
      for (int k = 0; k < comparisons.size(); k++) {
        int level = pattern.levels().get(k);
        if (level >= 0) {
          counts[k][level] += pattern.count();
        }
      }
    }
    return counts;
  }

  /** Fails unless every pattern has one level per comparison, each within -1..top. */
  static void checkLevels(List<GammaPattern> patterns, Comparisons comparisons) {
    for (GammaPattern pattern : patterns) {
      if (pattern.levels().size() != comparisons.size()) {
        throw new IllegalArgumentException("expected " + comparisons.size() + " levels per pattern, got "
            + pattern.levels());
      }
      for (int k = 0; k < comparisons.size(); k++) {
        int level = pattern.levels().get(k);
        int top = comparisons.get(k).topLevel();
        if (level < -1 || level > top) {
          throw new IllegalArgumentException("comparison " + comparisons.get(k).name() + " has levels -1.." + top
              + ", got " + level);
        }
      }
    }
  }
}
