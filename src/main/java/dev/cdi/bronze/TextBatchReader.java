package dev.cdi.bronze;

import dev.cdi.bronze.BronzeTransforms.BatchLineage;
import dev.cdi.bronze.BronzeTransforms.RawColumn;
import dev.cdi.config.IngestSettings;
import dev.cdi.config.SourceConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.util.SerializableConfiguration;

/**
 * Reads a batch of CSV or JSON-lines files: one Spark task per file parses it ({@link TextFileParseTask}); the
 * parsed rows are persisted (memory, spilling to disk) because two small aggregations and two writes read
 * them. Shuffle cost: two small aggregations (per file, per field name). Column names of the bronze table are
 * the union of the batch's field names, in file order.
 */
public final class TextBatchReader implements BatchData {

  private final Dataset<Row> parsed;
  private final BatchLineage lineage;
  private final SourceConfig source;
  private List<RawColumn> columns;
  private Map<String, FileCounts> counts;

  public TextBatchReader(SparkSession spark, SourceConfig source, IngestSettings limits, IngestBatch batch) {
    this.source = source;
    this.lineage = new BatchLineage(source.name(), batch.runId(), batch.ingestedAt());
    SerializableConfiguration conf = new SerializableConfiguration(spark.sparkContext().hadoopConfiguration());
    JavaRDD<Row> rows = JavaSparkContext.fromSparkContext(spark.sparkContext())
        .parallelize(batch.files(), Math.max(1, batch.files().size()))
        .flatMap(new TextFileParseTask(source, limits, conf));
    this.parsed = spark.createDataFrame(rows, ParsedRows.SCHEMA).persist(StorageLevel.MEMORY_AND_DISK());
  }

  @Override
  public Dataset<Row> bronze() {
    return BronzeTransforms.toBronze(parsed, columns(), lineage);
  }

  @Override
  public Dataset<Row> quarantine() {
    return BronzeTransforms.toQuarantine(parsed, lineage, source.reader().encoding());
  }

  @Override
  public Map<String, FileCounts> counts() {
    if (counts == null) {
      Map<String, FileCounts> out = new LinkedHashMap<>();
      for (Row row : BronzeTransforms.fileCounts(parsed).collectAsList()) {
        String path = row.getString(0);
        out.put(path, FileCounts.unsuppressed(path, row.getLong(1), row.getLong(2), row.getLong(3), row.getLong(4)));
      }
      counts = out;
    }
    return counts;
  }

  private List<RawColumn> columns() {
    if (columns == null) {
      columns = BronzeTransforms.columnsFor(BronzeTransforms.fieldKeyList(BronzeTransforms.fieldKeys(parsed)));
    }
    return columns;
  }

  @Override
  public void close() {
    parsed.unpersist();
  }
}
