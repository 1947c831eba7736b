package dev.cdi.gold;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import dev.cdi.spark.SchemaChecks;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import scala.collection.JavaConverters;

/**
 * Compares two versions of one gold table row by row: every key of either side with its row hash on each side and
 * whether it is {@value #SAME}, {@value #CHANGED}, {@value #ONLY_LEFT} or {@value #ONLY_RIGHT}. Gold row hashes
 * cover every column but the run id ({@link RowHash}), so equal hashes mean equal rows. Shuffle cost: one full outer
 * join of the two (key, hash) projections on the key.
 */
public final class GoldDiff {

  public static final String KEY = "key";
  public static final String LEFT_HASH = "left_row_hash";
  public static final String RIGHT_HASH = "right_row_hash";
  public static final String STATUS = "status";
  public static final String SAME = "same";
  public static final String CHANGED = "changed";
  public static final String ONLY_LEFT = "only_left";
  public static final String ONLY_RIGHT = "only_right";

  private GoldDiff() {
  }

  /** One row per key of either table: (key, left_row_hash, right_row_hash, status). */
  public static Dataset<Row> compare(Dataset<Row> left, Dataset<Row> right, String key) {
    SchemaChecks.requireColumns(left, "left table", key, GoldTables.ROW_HASH);
    SchemaChecks.requireColumns(right, "right table", key, GoldTables.ROW_HASH);
    Dataset<Row> l = left.select(col(key).as(KEY), col(GoldTables.ROW_HASH).as(LEFT_HASH));
    Dataset<Row> r = right.select(col(key).as(KEY), col(GoldTables.ROW_HASH).as(RIGHT_HASH));
    Column status = when(col(RIGHT_HASH).isNull(), lit(ONLY_LEFT))
        .when(col(LEFT_HASH).isNull(), lit(ONLY_RIGHT))
        .when(col(LEFT_HASH).equalTo(col(RIGHT_HASH)), lit(SAME))
        .otherwise(lit(CHANGED));
    return l.join(r, JavaConverters.asScalaBuffer(List.of(KEY)).toSeq(), "full_outer")
        .withColumn(STATUS, status);
  }
}
