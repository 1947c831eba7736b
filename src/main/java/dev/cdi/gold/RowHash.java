package dev.cdi.gold;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.sha2;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_json;

import java.util.Arrays;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * A SHA-256 of a row's content, stored with every gold row: the MERGE that writes a gold table replaces a row only
 * when its hash changed, so a rerun on unchanged inputs changes no row and the change data feed shows only real
 * changes. Maps and arrays are built in a fixed order by the transforms, so equal content gives equal JSON.
 */
public final class RowHash {

  private RowHash() {
  }

  /** {@code data} with {@code hashColumn} appended, the hash of every column already there. */
  public static Dataset<Row> append(Dataset<Row> data, String hashColumn) {
    Column[] all = Arrays.stream(data.columns()).map(c -> col("`" + c + "`")).toArray(Column[]::new);
    return data.withColumn(hashColumn, sha2(to_json(struct(all)), 256));
  }
}
