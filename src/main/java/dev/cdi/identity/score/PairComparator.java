package dev.cdi.identity.score;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.when;

import dev.cdi.identity.score.ComparisonSpec.ValuePair;
import dev.cdi.identity.score.ScoreColumns.Pairs;
import dev.cdi.identity.score.ScoreColumns.Records;
import dev.cdi.spark.SchemaChecks;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF4;
import org.apache.spark.sql.api.java.UDF6;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;

/**
 * Candidate pairs joined to both records, graded per comparison: adds {@code g_<name>} (int, never null; -1 when
 * either value is null, see {@link ComparisonSpec}) for every comparison and, with {@link #compare}, {@code
 * tf_<name>} (double, the agreed value's frequency among records, null unless the level is exact) for every
 * tf-adjusted comparison. All input pair columns are kept; pairs whose ids are not among the records are dropped.
 *
 * <p>Cost: two joins of the pairs with the records (by {@code left_id}, then {@code right_id}: a shuffle each,
 * or a broadcast when the records are small), plus for {@link #compare} the term-frequency shuffles described in
 * {@link TermFrequencies} (one per tf-adjusted comparison, on the records). The levels are computed by one UDF per
 * comparison wrapping the pure-Java {@link ComparisonSpec#level}; the output is a pure function of the inputs.
 * DATE columns are compared as yyyymmdd text: DateType and TimestampType are formatted, strings lose their
 * {@code -} separators, anything else is cast to string (as are the other kinds' non-string columns).
 */
public final class PairComparator {

  private static final String LEFT = "_l_";
  private static final String RIGHT = "_r_";

  private PairComparator() {
  }

  /** Levels and term frequencies: the pairs plus {@code g_*} and {@code tf_*} columns. */
  public static Dataset<Row> compare(Dataset<Row> pairs, Dataset<Row> records, Comparisons comparisons) {
    checkInputs(pairs, records, comparisons);
    Dataset<Row> annotated = TermFrequencies.annotate(selectNeeded(records, comparisons), comparisons);
    Dataset<Row> joined = joinBothSides(pairs, annotated);
    List<Column> out = new ArrayList<>(inputColumns(pairs));
    Map<String, Column> gammas = levelColumns(comparisons, records);
    for (ComparisonSpec spec : comparisons.specs()) {
      Column gamma = gammas.get(spec.name());
      out.add(gamma.as(Pairs.gamma(spec.name())));
      if (spec.tfAdjusted()) {
        Column tf = when(gamma.equalTo(spec.topLevel()), col(LEFT + TermFrequencies.column(spec)));
        out.add(tf.cast(DataTypes.DoubleType).as(Pairs.tf(spec.name())));
      }
    }
    return joined.select(out.toArray(new Column[0]));
  }

  /**
   * Levels only: the pairs plus {@code g_*} columns (no term-frequency work). With a typo-checked comparison the
   * records must already carry their value counts over the whole data ({@link #withValueCounts}), as a sample's
   * own counts would be too small.
   */
  public static Dataset<Row> levels(Dataset<Row> pairs, Dataset<Row> records, Comparisons comparisons) {
    checkInputs(pairs, records, comparisons);
    String[] counts = comparisons.specs().stream().filter(s -> s.typoCheck() != null)
        .map(TermFrequencies::countColumn).toArray(String[]::new);
    SchemaChecks.requireColumns(records, "records (value counts from PairComparator.withValueCounts)", counts);
    Dataset<Row> joined = joinBothSides(pairs, selectNeeded(records, comparisons));
    List<Column> out = new ArrayList<>(inputColumns(pairs));
    Map<String, Column> gammas = levelColumns(comparisons, records);
    for (ComparisonSpec spec : comparisons.specs()) {
      out.add(gammas.get(spec.name()).as(Pairs.gamma(spec.name())));
    }
    return joined.select(out.toArray(new Column[0]));
  }

  /** {@code records} with the value counts typo-checked comparisons need ({@link #levels}); one window each. */
  public static Dataset<Row> withValueCounts(Dataset<Row> records, Comparisons comparisons) {
    return TermFrequencies.counts(records, comparisons);
  }

  private static void checkInputs(Dataset<Row> pairs, Dataset<Row> records, Comparisons comparisons) {
    SchemaChecks.requireColumns(pairs, "candidate pairs", Pairs.LEFT_ID, Pairs.RIGHT_ID);
    List<String> needed = new ArrayList<>();
    needed.add(Records.NODE_ID);
    needed.addAll(comparisons.recordColumns());
    SchemaChecks.requireColumns(records, "records", needed.toArray(new String[0]));
  }

  private static Dataset<Row> selectNeeded(Dataset<Row> records, Comparisons comparisons) {
    Set<String> columns = new LinkedHashSet<>();
    columns.add(Records.NODE_ID);
    columns.addAll(comparisons.recordColumns());
    comparisons.specs().stream().filter(s -> s.typoCheck() != null).map(TermFrequencies::countColumn)
        .filter(c -> Arrays.asList(records.columns()).contains(c)).forEach(columns::add);
    return records.select(columns.stream().map(functions::col).toArray(Column[]::new));
  }

  private static Dataset<Row> joinBothSides(Dataset<Row> pairs, Dataset<Row> records) {
    Dataset<Row> left = prefixed(records, LEFT);
    Dataset<Row> right = prefixed(records, RIGHT);
    return pairs
        .join(left, pairs.col(Pairs.LEFT_ID).equalTo(left.col(LEFT + Records.NODE_ID)))
        .join(right, pairs.col(Pairs.RIGHT_ID).equalTo(right.col(RIGHT + Records.NODE_ID)));
  }

  private static Dataset<Row> prefixed(Dataset<Row> records, String prefix) {
    return records.select(Arrays.stream(records.columns()).map(c -> col(c).as(prefix + c))
        .toArray(Column[]::new));
  }

  private static List<Column> inputColumns(Dataset<Row> pairs) {
    return Arrays.stream(pairs.columns()).map(functions::col).toList();
  }

  /**
   * Each comparison's level expression by name; a comparison with {@link ComparisonSpec#onlyWithout} is -1
   * wherever the comparison it names has a value.
   */
  private static Map<String, Column> levelColumns(Comparisons comparisons, Dataset<Row> records) {
    Map<String, Column> plain = new HashMap<>();
    comparisons.specs().forEach(spec -> plain.put(spec.name(), levelColumn(spec, records)));
    Map<String, Column> out = new HashMap<>();
    for (ComparisonSpec spec : comparisons.specs()) {
      Column gamma = plain.get(spec.name());
      if (spec.onlyWithout() != null) {
        gamma = when(plain.get(spec.onlyWithout()).notEqual(LevelFunctions.NULL), lit(LevelFunctions.NULL))
            .otherwise(gamma);
      }
      out.put(spec.name(), gamma);
    }
    return out;
  }

  private static Column levelColumn(ComparisonSpec spec, Dataset<Row> records) {
    DataType type = records.select(spec.column()).schema().fields()[0].dataType();
    if (spec.typoCheck() == null) {
      UserDefinedFunction udf = functions.udf((UDF4<String, String, String, String, Integer>) spec::level,
          DataTypes.IntegerType).asNonNullable();
      return udf.apply(value(spec, LEFT, type), value(spec, RIGHT, type), cross(spec, LEFT), cross(spec, RIGHT));
    }
    UserDefinedFunction udf = functions.udf((UDF6<String, String, String, String, Long, Long, Integer>)
        (l, r, lc, rc, ln, rn) -> spec.level(new ValuePair(l, r, lc, rc, ln, rn)), DataTypes.IntegerType)
        .asNonNullable();
    String count = TermFrequencies.countColumn(spec);
    return udf.apply(value(spec, LEFT, type), value(spec, RIGHT, type), cross(spec, LEFT), cross(spec, RIGHT),
        col(LEFT + count), col(RIGHT + count));
  }

  private static Column value(ComparisonSpec spec, String side, DataType type) {
    Column column = col(side + spec.column());
    if (spec.kind() != ComparisonKind.DATE) {
      return column.cast(DataTypes.StringType);
    }
    if (type.equals(DataTypes.DateType) || type.equals(DataTypes.TimestampType)) {
      return date_format(column, "yyyyMMdd");
    }
    return regexp_replace(column.cast(DataTypes.StringType), "-", "");
  }

  private static Column cross(ComparisonSpec spec, String side) {
    Column value = spec.hasCrossColumn() ? col(side + spec.crossColumn()) : lit(null);
    return value.cast(DataTypes.StringType);
  }
}
