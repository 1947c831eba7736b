package dev.cdi.gold;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import dev.cdi.io.Columns;
import dev.cdi.io.DeltaIO;
import dev.cdi.io.Lakehouse;
import dev.cdi.io.TableId;
import dev.cdi.io.Tables;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compares the gold tables of two lakehouses ({@link GoldDiff} on each table's key and row hash), for example a
 * cluster run against a local run of the same input with the same run id. Reads only; two Spark jobs per table (the
 * counts and a few differing keys).
 */
public final class GoldComparison {

  private static final Logger LOG = LoggerFactory.getLogger(GoldComparison.class);
  /** Each gold table and its key, the key its MERGE writes by. */
  public static final Map<TableId, String> KEYS = keys();

  private final SparkSession spark;
  private final int samples;

  /**
   * @param spark   the session
   * @param samples how many differing keys to list per table
   */
  public GoldComparison(SparkSession spark, int samples) {
    this.spark = spark;
    this.samples = samples;
  }

  /**
   * One gold table's comparison.
   *
   * @param table      the table, e.g. {@code gold/journey}
   * @param leftRows   rows on the left
   * @param rightRows  rows on the right
   * @param changed    keys on both sides with different row hashes
   * @param onlyLeft   keys only on the left
   * @param onlyRight  keys only on the right
   * @param sampleKeys up to the requested number of differing keys, sorted
   */
  public record TableDiff(String table, long leftRows, long rightRows, long changed, long onlyLeft, long onlyRight,
                          List<String> sampleKeys) {

    public boolean identical() {
      return changed == 0 && onlyLeft == 0 && onlyRight == 0;
    }
  }

  /**
   * The comparison of every gold table.
   *
   * @param left   the left lakehouse root
   * @param right  the right lakehouse root
   * @param tables each table's comparison, in a fixed order
   */
  public record Result(String left, String right, List<TableDiff> tables) {

    public boolean identical() {
      return tables.stream().allMatch(TableDiff::identical);
    }
  }

  /** Compares every gold table; a table missing on either side is an error naming it. */
  public Result compare(Lakehouse left, Lakehouse right) {
    List<TableDiff> diffs = new ArrayList<>();
    for (Map.Entry<TableId, String> table : KEYS.entrySet()) {
      TableDiff diff = compare(table.getKey(), table.getValue(), read(left, table.getKey()),
          read(right, table.getKey()));
      LOG.info("compare-gold {}: {} rows left, {} right; {} changed, {} only left, {} only right", diff.table(),
          diff.leftRows(), diff.rightRows(), diff.changed(), diff.onlyLeft(), diff.onlyRight());
      diffs.add(diff);
    }
    return new Result(left.root(), right.root(), diffs);
  }

  private TableDiff compare(TableId table, String key, Dataset<Row> left, Dataset<Row> right) {
    Dataset<Row> diff = GoldDiff.compare(left, right, key);
    Row counts = diff.agg(countWhere(col(GoldDiff.LEFT_HASH).isNotNull()),
        countWhere(col(GoldDiff.RIGHT_HASH).isNotNull()), countWhere(col(GoldDiff.STATUS).equalTo(GoldDiff.CHANGED)),
        countWhere(col(GoldDiff.STATUS).equalTo(GoldDiff.ONLY_LEFT)),
        countWhere(col(GoldDiff.STATUS).equalTo(GoldDiff.ONLY_RIGHT))).first();
    List<String> sample = List.of();
    if (counts.getLong(2) + counts.getLong(3) + counts.getLong(4) > 0) {
      sample = diff.where(col(GoldDiff.STATUS).notEqual(GoldDiff.SAME)).select(GoldDiff.KEY).orderBy(GoldDiff.KEY)
          .limit(samples).collectAsList().stream().map(r -> r.getString(0)).toList();
    }
    return new TableDiff(table.layer() + "/" + table.name(), counts.getLong(0), counts.getLong(1), counts.getLong(2),
        counts.getLong(3), counts.getLong(4), sample);
  }

  private Dataset<Row> read(Lakehouse lakehouse, TableId table) {
    String path = lakehouse.path(table);
    return DeltaIO.readIfExists(spark, path).orElseThrow(() -> new IllegalArgumentException("no " + table
        + " table at " + path));
  }

  private static Column countWhere(Column condition) {
    return sum(when(condition, 1L).otherwise(0L));
  }

  private static Map<TableId, String> keys() {
    Map<TableId, String> keys = new LinkedHashMap<>();
    keys.put(Tables.GOLD_CUSTOMER_360, Columns.Customer360.CUSTOMER_ID);
    keys.put(Tables.GOLD_JOURNEY, Columns.Journey.EVENT_KEY);
    keys.put(Tables.GOLD_ANONYMOUS_JOURNEY, Columns.Journey.EVENT_KEY);
    keys.put(Tables.GOLD_ATTRIBUTION, Columns.Attribution.ATTRIBUTION_KEY);
    keys.put(Tables.GOLD_HOUSEHOLDS, Columns.Households.HOUSEHOLD_ID);
    return Collections.unmodifiableMap(keys);
  }
}
