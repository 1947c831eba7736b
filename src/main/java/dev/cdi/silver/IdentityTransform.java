package dev.cdi.silver;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.trim;

import dev.cdi.config.FieldSpec;
import dev.cdi.config.IdentityField;
import dev.cdi.config.SilverMapping;
import dev.cdi.config.SilverMapping.IdentityMapping;
import dev.cdi.config.SourceConfig;
import dev.cdi.io.Columns.Bronze;
import dev.cdi.io.Columns.Identities;
import dev.cdi.spark.SchemaChecks;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
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
import org.apache.spark.sql.types.StructType;

/**
 * Bronze rows of one source to standardized identity records ({@link IdentitySchema#STANDARDIZED} plus the bronze
 * lineage columns {@code _row_hash}, {@code _source_file}, {@code _row_number}, {@code _ingested_at}).
 * {@link #standardize} is a narrow transform (no shuffle); {@link #latestPerRecord} shuffles once by record key.
 * Both are deterministic, so recomputing from the same bronze rows gives the same result.
 */
public final class IdentityTransform {

  /** Bronze lineage carried into silver, for tie-breaking and traceability. */
  static final List<String> LINEAGE = List.of(Bronze.ROW_HASH, Bronze.SOURCE_FILE, Bronze.ROW_NUMBER,
      Bronze.INGESTED_AT);
  private static final String ID = "_id";

  private IdentityTransform() {
  }

  /** The schema of {@link #standardize}'s output. */
  public static StructType outputSchema() {
    return IdentitySchema.STANDARDIZED
        .add(Bronze.ROW_HASH, DataTypes.StringType)
        .add(Bronze.SOURCE_FILE, DataTypes.StringType)
        .add(Bronze.ROW_NUMBER, DataTypes.LongType)
        .add(Bronze.INGESTED_AT, DataTypes.TimestampType);
  }

  /**
   * Raw mapped values of the identity-bearing rows: {@code _id}, one string column per {@link IdentityField}
   * (null when unmapped), then the lineage columns. Rows whose id is blank are kept (with a blank {@code _id})
   * so that data-quality metrics can count them; {@link #standardize} drops them.
   */
  public static Dataset<Row> mapped(Dataset<Row> bronze, SourceConfig source) {
    SchemaChecks.requireColumns(bronze, "bronze." + source.name(), LINEAGE.toArray(String[]::new));
    IdentityMapping mapping = source.silverMapping().flatMap(SilverMapping::identityMapping)
        .orElseThrow(() -> new IllegalArgumentException("source " + source.name() + " has no silver.identity"));
    FieldResolver resolver = new FieldResolver(source.name(), bronze.schema());
    Dataset<Row> rows = mapping.where() == null ? bronze : bronze.where(expr(mapping.where()));
    List<Column> select = new ArrayList<>();
    select.add(trim(resolver.resolve("silver.identity.id", mapping.id())).as(ID));
    for (IdentityField field : IdentityField.values()) {
      FieldSpec spec = mapping.fields().get(field);
      Column value = spec == null ? lit(null).cast(DataTypes.StringType)
          : resolver.resolve("silver.identity." + field.key(), spec);
      select.add(value.as(field.key()));
    }
    LINEAGE.forEach(c -> select.add(col(c)));
    return rows.select(select.toArray(Column[]::new));
  }

  /** Standardizes mapped rows (see {@link #mapped}); rows without an id are left out. */
  public static Dataset<Row> standardize(Dataset<Row> mapped, SourceConfig source) {
    SchemaChecks.requireColumns(mapped, "mapped identities of " + source.name(), ID);
    IdentityRecordStandardizer standardizer = new IdentityRecordStandardizer(source.name(), source.silver());
    return mapped.where(col(ID).isNotNull().and(col(ID).notEqual("")))
        .mapPartitions(new StandardizePartition(standardizer), Encoders.row(outputSchema()));
  }

  /**
   * Keeps one row per record key: the newest by {@code updated_at} (unknown last), then by ingest time, file
   * and row position, so exact duplicates collapse and newer versions of a record supersede older ones.
   */
  public static Dataset<Row> latestPerRecord(Dataset<Row> standardized) {
    SchemaChecks.requireColumns(standardized, "standardized identities", Identities.RECORD_KEY,
        Identities.UPDATED_AT, Bronze.INGESTED_AT, Bronze.SOURCE_FILE, Bronze.ROW_NUMBER);
    var newestFirst = Window.partitionBy(Identities.RECORD_KEY).orderBy(col(Identities.UPDATED_AT).desc_nulls_last(),
        col(Bronze.INGESTED_AT).desc(), col(Bronze.SOURCE_FILE).desc(), col(Bronze.ROW_NUMBER).desc());
    return standardized.withColumn("_rank", row_number().over(newestFirst)).where(col("_rank").equalTo(1))
        .drop("_rank");
  }

  /** Applies the record standardizer to each mapped row. */
  private static final class StandardizePartition implements MapPartitionsFunction<Row, Row> {
    private static final long serialVersionUID = 1L;
    private final IdentityRecordStandardizer standardizer;

    StandardizePartition(IdentityRecordStandardizer standardizer) {
      this.standardizer = standardizer;
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
          return withLineage(rows.next());
        }
      };
    }

    private Row withLineage(Row in) {
      Map<IdentityField, String> raw = new EnumMap<>(IdentityField.class);
      IdentityField[] fields = IdentityField.values();
      for (int i = 0; i < fields.length; i++) {
        raw.put(fields[i], in.getString(i + 1));
      }
      Row standardized = standardizer.standardize(in.getString(0), raw);
      int lineageStart = fields.length + 1;
      Object[] values = new Object[standardized.length() + LINEAGE.size()];
      for (int i = 0; i < standardized.length(); i++) {
        values[i] = standardized.get(i);
      }
      for (int i = 0; i < LINEAGE.size(); i++) {
        values[standardized.length() + i] = in.get(lineageStart + i);
      }
      return RowFactory.create(values);
    }
  }
}
