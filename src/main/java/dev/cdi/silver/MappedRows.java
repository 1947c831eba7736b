package dev.cdi.silver;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.trim;

import dev.cdi.config.FieldSpec;
import dev.cdi.io.Columns.Bronze;
import dev.cdi.spark.SchemaChecks;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The machinery silver identities and events share. {@link #select} maps bronze rows to raw strings: an id
 * column, one column per mapped field, then pass-through columns. {@link #standardize} runs a record
 * standardizer over them per partition, with no shuffle. {@link #latestPer} keeps the newest row per key, with
 * one shuffle.
 */
final class MappedRows {

  static final String ID = "_id";
  /** Bronze lineage carried into silver, for tie-breaking and traceability. */
  static final List<String> LINEAGE = List.of(Bronze.ROW_HASH, Bronze.SOURCE_FILE, Bronze.ROW_NUMBER,
      Bronze.INGESTED_AT);
  static final StructType LINEAGE_SCHEMA = new StructType()
      .add(Bronze.ROW_HASH, DataTypes.StringType)
      .add(Bronze.SOURCE_FILE, DataTypes.StringType)
      .add(Bronze.ROW_NUMBER, DataTypes.LongType)
      .add(Bronze.INGESTED_AT, DataTypes.TimestampType);

  /** Standardizes one record from its id and raw field values (in mapping order). */
  @FunctionalInterface
  interface RecordStandardizer extends Serializable {
    Row standardize(String id, String[] values);
  }

  /**
   * What to select from one source's bronze table.
   *
   * @param source  source name, for messages
   * @param section mapping section for messages, e.g. {@code silver.identity}
   * @param id      the id spec
   * @param where   optional SQL filter
   * @param fields  field key to spec (null spec: unmapped) in output order
   */
  record Selection(String source, String section, FieldSpec id, String where, Map<String, FieldSpec> fields) {
    Selection {
      fields = new LinkedHashMap<>(fields);
    }
  }

  private MappedRows() {
  }

  /** Raw strings: {@code _id}, the fields in order, then {@code passThrough}, then the lineage columns. */
  static Dataset<Row> select(Dataset<Row> bronze, Selection selection, List<Column> passThrough) {
    SchemaChecks.requireColumns(bronze, "bronze." + selection.source(), LINEAGE.toArray(String[]::new));
    FieldResolver resolver = new FieldResolver(selection.source(), bronze.schema());
    Dataset<Row> rows = selection.where() == null ? bronze : bronze.where(expr(selection.where()));
    List<Column> select = new ArrayList<>();
    select.add(trim(resolver.resolve(selection.section() + ".id", selection.id())).as(ID));
    selection.fields().forEach((key, spec) -> select.add((spec == null ? lit(null).cast(DataTypes.StringType)
        : resolver.resolve(selection.section() + "." + key, spec)).as(key)));
    select.addAll(passThrough);
    LINEAGE.forEach(c -> select.add(col(c)));
    return rows.select(select.toArray(Column[]::new));
  }

  /**
   * Standardizes selected rows whose id is not blank: the standardizer's columns ({@code standardized}), then
   * every column after the fields unchanged.
   */
  static Dataset<Row> standardize(Dataset<Row> selected, int fieldCount, StructType standardized,
                                  RecordStandardizer standardizer) {
    SchemaChecks.requireColumns(selected, "selected rows", ID);
    StructType out = standardized;
    StructField[] all = selected.schema().fields();
    for (int i = 1 + fieldCount; i < all.length; i++) {
      out = out.add(all[i]);
    }
    return selected.where(col(ID).isNotNull().and(col(ID).notEqual("")))
        .mapPartitions(new StandardizePartition(standardizer, fieldCount), Encoders.row(out));
  }

  /**
   * One row per {@code key}: the first by {@code newestFirst}, then by ingest time, file and row position
   * (latest first), so exact duplicates collapse and newer versions of a record win.
   */
  static Dataset<Row> latestPer(Dataset<Row> rows, String key, Column newestFirst) {
    SchemaChecks.requireColumns(rows, "standardized rows", key, Bronze.INGESTED_AT, Bronze.SOURCE_FILE,
        Bronze.ROW_NUMBER);
    var order = Window.partitionBy(key).orderBy(newestFirst, col(Bronze.INGESTED_AT).desc(),
        col(Bronze.SOURCE_FILE).desc(), col(Bronze.ROW_NUMBER).desc());
    return rows.withColumn("_rank", row_number().over(order)).where(col("_rank").equalTo(1)).drop("_rank");
  }

  /** Applies a record standardizer to each selected row and appends the row's trailing columns. */
  private static final class StandardizePartition implements MapPartitionsFunction<Row, Row> {
    private static final long serialVersionUID = 1L;
    private final RecordStandardizer standardizer;
    private final int fieldCount;

    StandardizePartition(RecordStandardizer standardizer, int fieldCount) {
      this.standardizer = standardizer;
      this.fieldCount = fieldCount;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> rows) {
      return new Iterator<>() {
        @Override
        public boolean hasNext() {
          return rows.hasNext();
        }

        @Override
        public Row next() {
          return standardizeOne(rows.next());
        }
      };
    }

    private Row standardizeOne(Row in) {
      String[] values = new String[fieldCount];
      for (int i = 0; i < fieldCount; i++) {
        values[i] = in.getString(i + 1);
      }
      Row standardized = standardizer.standardize(in.getString(0), values);
      int trailing = in.length() - 1 - fieldCount;
      Object[] out = new Object[standardized.length() + trailing];
      for (int i = 0; i < standardized.length(); i++) {
        out[i] = standardized.get(i);
      }
      for (int i = 0; i < trailing; i++) {
        out[standardized.length() + i] = in.get(1 + fieldCount + i);
      }
      return RowFactory.create(out);
    }
  }
}
