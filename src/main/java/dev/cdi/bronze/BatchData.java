package dev.cdi.bronze;

import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * A batch read and split into what goes to bronze and what goes to quarantine. May hold cached data:
 * {@link #close()} releases it.
 */
public interface BatchData extends AutoCloseable {

  /** Rows for {@code bronze/<source>}. */
  Dataset<Row> bronze();

  /** Rows for {@code bronze/_quarantine}. */
  Dataset<Row> quarantine();

  /** Reconciliation per file path (runs a Spark job the first time for text sources). */
  Map<String, FileCounts> counts();

  @Override
  void close();
}
