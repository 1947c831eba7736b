package dev.cdi.silver;

import static org.apache.spark.sql.functions.col;

import dev.cdi.config.FieldSpec;
import dev.cdi.config.IdentityField;
import dev.cdi.config.SilverMapping;
import dev.cdi.config.SilverMapping.IdentityMapping;
import dev.cdi.config.SourceConfig;
import dev.cdi.io.Columns.Identities;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

/**
 * Bronze rows of one source to standardized identity records: {@link IdentitySchema#STANDARDIZED} plus the bronze
 * lineage columns. {@link #mapped} and {@link #standardize} are narrow transforms (no shuffle);
 * {@link #latestPerRecord} shuffles once by record key. All are deterministic, so recomputing from the same bronze
 * rows gives the same result.
 */
public final class IdentityTransform {

  private static final IdentityField[] FIELDS = IdentityField.values();

  private IdentityTransform() {
  }

  /** The schema of {@link #standardize}'s output. */
  public static StructType outputSchema() {
    StructType out = IdentitySchema.STANDARDIZED;
    for (var field : MappedRows.LINEAGE_SCHEMA.fields()) {
      out = out.add(field);
    }
    return out;
  }

  /**
   * Raw mapped values of the identity-bearing rows: {@code _id}, one string column per {@link IdentityField}
   * (null when unmapped), then the lineage columns. Rows whose id is blank are kept so that data-quality metrics
   * can count them; {@link #standardize} leaves them out.
   */
  public static Dataset<Row> mapped(Dataset<Row> bronze, SourceConfig source) {
    IdentityMapping mapping = source.silverMapping().flatMap(SilverMapping::identityMapping)
        .orElseThrow(() -> new IllegalArgumentException("source " + source.name() + " has no silver.identity"));
    Map<String, FieldSpec> fields = new LinkedHashMap<>();
    for (IdentityField field : FIELDS) {
      fields.put(field.key(), mapping.fields().get(field));
    }
    return MappedRows.select(bronze, new MappedRows.Selection(source.name(), "silver.identity", mapping.id(),
        mapping.where(), fields), List.of());
  }

  /** Standardizes mapped rows (see {@link #mapped}); rows without an id are left out. */
  public static Dataset<Row> standardize(Dataset<Row> mapped, SourceConfig source) {
    IdentityRecordStandardizer standardizer = new IdentityRecordStandardizer(source.name(), source.silver());
    return MappedRows.standardize(mapped, FIELDS.length, IdentitySchema.STANDARDIZED,
        (id, values) -> standardizer.standardize(id, byField(values)));
  }

  /**
   * One row per record key: the newest by {@code updated_at} (unknown last), then by ingest time, file and row
   * position, so exact duplicates collapse and newer versions of a record supersede older ones.
   */
  public static Dataset<Row> latestPerRecord(Dataset<Row> standardized) {
    return MappedRows.latestPer(standardized, Identities.RECORD_KEY, col(Identities.UPDATED_AT).desc_nulls_last());
  }

  private static Map<IdentityField, String> byField(String[] values) {
    Map<IdentityField, String> raw = new EnumMap<>(IdentityField.class);
    for (int i = 0; i < FIELDS.length; i++) {
      raw.put(FIELDS[i], values[i]);
    }
    return raw;
  }
}
