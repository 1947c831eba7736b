package dev.cdi.identity.score;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * Adds, per tf-adjusted comparison, the frequency of each record's value among the records with a value:
 * {@code count(value) / count(non-null values)}, a double, null where the value is null; and per comparison with a
 * {@link TypoCheck}, the value's record count ({@link #countColumn}, a long, 0 where the value is null).
 *
 * <p>Cost: one shuffle of the records per such comparison (a window partitioned by the value), plus one global
 * count aggregation for the tf-adjusted ones (one row, cross-joined back, so broadcast). No action runs here. The
 * result is a pure function of the records.
 */
final class TermFrequencies {

  private TermFrequencies() {
  }

  /** Internal column holding a comparison's value frequency on a record. */
  static String column(ComparisonSpec spec) {
    return "_tf_" + spec.name();
  }

  /** Internal column holding the record count of a typo-checked comparison's value. */
  static String countColumn(ComparisonSpec spec) {
    return "_n_" + spec.name();
  }

  /**
   * {@code records} plus one {@link #column} per tf-adjusted comparison and one {@link #countColumn} per
   * typo-checked comparison; unchanged if there are none.
   */
  static Dataset<Row> annotate(Dataset<Row> records, Comparisons comparisons) {
    return frequencies(counts(records, comparisons), comparisons);
  }

  static Dataset<Row> counts(Dataset<Row> records, Comparisons comparisons) {
    Dataset<Row> out = records;
    for (ComparisonSpec spec : comparisons.specs()) {
      if (spec.typoCheck() != null) {
        Column value = col(spec.column());
        out = out.withColumn(countColumn(spec), when(value.isNotNull(), count(lit(1)).over(Window.partitionBy(value)))
            .otherwise(lit(0L)));
      }
    }
    return out;
  }

  private static Dataset<Row> frequencies(Dataset<Row> records, Comparisons comparisons) {
    List<ComparisonSpec> adjusted = comparisons.specs().stream().filter(ComparisonSpec::tfAdjusted).toList();
    if (adjusted.isEmpty()) {
      return records;
    }
    List<Column> totals = new ArrayList<>();
    for (ComparisonSpec spec : adjusted) {
      totals.add(count(col(spec.column())).cast("double").as(totalColumn(spec)));
    }
    Dataset<Row> withTotals = records.crossJoin(records.agg(totals.get(0), totals.subList(1, totals.size())
        .toArray(new Column[0])));
    for (ComparisonSpec spec : adjusted) {
      Column value = col(spec.column());
      Column frequency = count(lit(1)).over(Window.partitionBy(value)).divide(col(totalColumn(spec)));
      withTotals = withTotals.withColumn(column(spec), when(value.isNotNull(), frequency));
    }
    return withTotals.drop(adjusted.stream().map(TermFrequencies::totalColumn).toArray(String[]::new));
  }

  private static String totalColumn(ComparisonSpec spec) {
    return "_tf_total_" + spec.name();
  }
}
