package dev.cdi.bronze;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sha2;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.to_json;

import dev.cdi.bronze.BronzeTransforms.BatchLineage;
import dev.cdi.bronze.parse.ColumnNames;
import dev.cdi.io.Columns.Bronze;
import dev.cdi.io.Columns.Quarantine;
import java.io.IOException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Reads a batch of Parquet files. Each file's footer is read on the driver first: its row count is the file's
 * "rows read", and a file whose footer cannot be read is quarantined whole (one quarantine row naming the
 * file). Readable files are read by Spark, every column cast to string (nested values as JSON), with the
 * row position from Spark's {@code _metadata.row_index}. No shuffle.
 */
public final class ParquetBatchReader implements BatchData {

  private static final StructType QUARANTINE_SCHEMA = new StructType()
      .add(Quarantine.SOURCE, DataTypes.StringType).add(Quarantine.SOURCE_FILE, DataTypes.StringType)
      .add(Quarantine.FILE_FINGERPRINT, DataTypes.StringType).add(Quarantine.ROW_NUMBER, DataTypes.LongType)
      .add(Quarantine.LINE_NUMBER, DataTypes.LongType).add(Quarantine.REASON, DataTypes.StringType)
      .add(Quarantine.RAW_TEXT, DataTypes.StringType).add(Quarantine.RAW_BYTES, DataTypes.BinaryType)
      .add(Quarantine.RAW_TRUNCATED, DataTypes.BooleanType).add(Quarantine.ROW_HASH, DataTypes.StringType)
      .add(Quarantine.RUN_ID, DataTypes.StringType).add(Quarantine.INGESTED_AT, DataTypes.TimestampType)
      .add(Quarantine.INGEST_DATE, DataTypes.DateType);

  private final SparkSession spark;
  private final BatchLineage lineage;
  private final Map<String, FileCounts> counts = new LinkedHashMap<>();
  private final List<SourceFile> readable = new ArrayList<>();
  private final List<Row> unreadable = new ArrayList<>();

  public ParquetBatchReader(SparkSession spark, String sourceName, IngestBatch batch) {
    this.spark = spark;
    this.lineage = new BatchLineage(sourceName, batch.runId(), batch.ingestedAt());
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    for (SourceFile file : batch.files()) {
      try (ParquetFileReader reader = ParquetFileReader.open(HadoopInputFile.fromPath(new Path(file.path()), conf))) {
        long rows = reader.getRecordCount();
        counts.put(file.path(), FileCounts.unsuppressed(file.path(), rows, rows, 0, 0));
        readable.add(file);
      } catch (IOException | RuntimeException e) {
        counts.put(file.path(), FileCounts.unsuppressed(file.path(), 1, 0, 1, 0));
        unreadable.add(quarantineRow(file, "unreadable Parquet file: " + e.getMessage()));
      }
    }
  }

  @Override
  public Dataset<Row> bronze() {
    Dataset<Row> union = null;
    for (SourceFile file : readable) {
      Dataset<Row> one = readOne(file);
      union = union == null ? one : union.unionByName(one, true);
    }
    return union == null ? spark.emptyDataFrame() : union;
  }

  private Dataset<Row> readOne(SourceFile file) {
    Dataset<Row> data = spark.read().parquet(literalGlob(file.path()));
    StructField[] fields = data.schema().fields();
    List<String> names = ColumnNames.uniquify(Arrays.stream(fields).map(StructField::name).toList());
    List<Column> raw = new ArrayList<>();
    for (int i = 0; i < fields.length; i++) {
      Column c = col("`" + fields[i].name().replace("`", "``") + "`");
      boolean nested = fields[i].dataType() instanceof StructType
          || fields[i].dataType() instanceof org.apache.spark.sql.types.ArrayType
          || fields[i].dataType() instanceof org.apache.spark.sql.types.MapType;
      raw.add((nested ? to_json(c) : c.cast(DataTypes.StringType)).as(names.get(i)));
    }
    List<Column> select = new ArrayList<>(raw);
    Timestamp ingestedAt = Timestamp.from(lineage.ingestedAt());
    select.add(lit(lineage.source()).as(Bronze.SOURCE));
    select.add(lit(file.path()).as(Bronze.SOURCE_FILE));
    select.add(lit(new Timestamp(file.modifiedAt())).as(Bronze.FILE_MODIFIED_AT));
    select.add(lit(file.fingerprint()).as(Bronze.FILE_FINGERPRINT));
    select.add(lit(ingestedAt).as(Bronze.INGESTED_AT));
    select.add(to_date(lit(ingestedAt)).as(Bronze.INGEST_DATE));
    select.add(lit(lineage.runId()).as(Bronze.RUN_ID));
    select.add(col("_metadata.row_index").plus(1L).as(Bronze.ROW_NUMBER));
    select.add(sha2(to_json(struct(raw.toArray(Column[]::new))), 256).as(Bronze.ROW_HASH));
    return data.select(select.toArray(Column[]::new));
  }

  /**
   * The path as a Hadoop glob that matches only itself: Spark globs the paths it reads, so a file named
   * {@code dump[1].parquet} would otherwise not be found. Glob characters are escaped with a backslash.
   */
  static String literalGlob(String path) {
    StringBuilder out = new StringBuilder(path.length() + 8);
    for (int i = 0; i < path.length(); i++) {
      char c = path.charAt(i);
      if ("\\{}[]*?".indexOf(c) >= 0) {
        out.append('\\');
      }
      out.append(c);
    }
    return out.toString();
  }

  @Override
  public Dataset<Row> quarantine() {
    return spark.createDataFrame(unreadable, QUARANTINE_SCHEMA);
  }

  @Override
  public Map<String, FileCounts> counts() {
    return counts;
  }

  private Row quarantineRow(SourceFile file, String reason) {
    Timestamp ingestedAt = Timestamp.from(lineage.ingestedAt());
    return RowFactory.create(lineage.source(), file.path(), file.fingerprint(), null, null, reason, null, null,
        false, null, lineage.runId(), ingestedAt, java.sql.Date.valueOf(
            lineage.ingestedAt().atZone(java.time.ZoneOffset.UTC).toLocalDate()));
  }

  @Override
  public void close() {
    // nothing cached
  }
}
