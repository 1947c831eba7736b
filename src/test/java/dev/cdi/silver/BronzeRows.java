package dev.cdi.silver;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/** Inline bronze tables for silver tests: the given raw values plus fixed lineage (hash, file, row number, time). */
final class BronzeRows {

  private BronzeRows() {
  }

  /** {@code schema} lists the raw columns, then {@code _row_hash, _source_file, _row_number, _ingested_at}. */
  static Dataset<Row> of(SparkSession spark, StructType schema, String file, Object[]... rows) {
    List<Row> out = new ArrayList<>();
    long n = 0;
    for (Object[] r : rows) {
      Object[] full = new Object[r.length + 4];
      System.arraycopy(r, 0, full, 0, r.length);
      full[r.length] = "h" + n;
      full[r.length + 1] = file;
      full[r.length + 2] = ++n;
      full[r.length + 3] = Timestamp.valueOf("2026-11-24 10:00:00");
      out.add(RowFactory.create(full));
    }
    return spark.createDataFrame(out, schema);
  }
}
