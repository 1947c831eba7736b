package dev.cdi.quality;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import dev.cdi.spark.SchemaChecks;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Data-quality counts of standardized silver rows in one pass: the row count, for each validity column
 * ({@code email_validity}, ...) how many rows are INVALID and how many MISSING, how many rows are quarantined,
 * and the number of distinct keys among the rows that are not.
 * The result has one row; {@link #rates} turns it into named metrics. Shuffle cost: a global aggregation.
 */
public final class SilverQuality {

  private SilverQuality() {
  }

  /**
   * One row: {@code rows}, then {@code <attribute>_invalid} and {@code <attribute>_missing} per validity column,
   * then {@code quarantined}, the rows for which {@code quarantined} is true, then {@code keys}, the number of
   * distinct values of {@code keyColumn} among the other rows.
   */
  public static Dataset<Row> validityCounts(Dataset<Row> standardized, String keyColumn,
                                            List<String> validityColumns, Column quarantined) {
    SchemaChecks.requireColumns(standardized, "standardized rows", validityColumns.toArray(String[]::new));
    SchemaChecks.requireColumns(standardized, "standardized rows", keyColumn);
    List<Column> aggs = new ArrayList<>();
    for (String v : validityColumns) {
      String attribute = attribute(v);
      aggs.add(sum(when(col(v).equalTo("INVALID"), 1L).otherwise(0L)).as(attribute + "_invalid"));
      aggs.add(sum(when(col(v).equalTo("MISSING"), 1L).otherwise(0L)).as(attribute + "_missing"));
    }
    aggs.add(sum(when(quarantined, 1L).otherwise(0L)).as("quarantined"));
    aggs.add(countDistinct(when(not(quarantined), col(keyColumn))).as("keys"));
    return standardized.agg(count(lit(1)).as("rows"), aggs.toArray(Column[]::new));
  }

  /** The distinct-key count of a {@link #validityCounts} row. */
  public static long keys(Row counts) {
    return counts.getLong(counts.length() - 1);
  }

  /** The quarantined-row count of a {@link #validityCounts} row. */
  public static long quarantined(Row counts) {
    return counts.getLong(counts.length() - 2);
  }

  /** Named metrics from a {@link #validityCounts} row: invalid and missing rates per attribute (0 when no rows). */
  public static Map<String, Double> rates(Row counts, List<String> validityColumns) {
    Map<String, Double> out = new LinkedHashMap<>();
    long rows = counts.getLong(0);
    for (int i = 0; i < validityColumns.size(); i++) {
      String attribute = attribute(validityColumns.get(i));
      out.put(attribute + "_invalid_rate", rate(counts.getLong(1 + 2 * i), rows));
      out.put(attribute + "_missing_rate", rate(counts.getLong(2 + 2 * i), rows));
    }
    return out;
  }

  private static double rate(long part, long whole) {
    return whole == 0 ? 0.0 : (double) part / whole;
  }

  private static String attribute(String validityColumn) {
    return validityColumn.replace("_validity", "");
  }
}
