package dev.cdi.silver;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.map;
import static org.apache.spark.sql.functions.map_filter;

import dev.cdi.config.EventField;
import dev.cdi.config.FieldSpec;
import dev.cdi.config.SilverMapping;
import dev.cdi.config.SilverMapping.EventMapping;
import dev.cdi.config.SourceConfig;
import dev.cdi.io.Columns.Events;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Bronze rows of one source to standardized touchpoints: {@link EventSchema#STANDARDIZED}, then
 * {@code attributes} (every raw column the mapping does not read by name, as a map, nulls left out), then
 * the bronze lineage columns. {@link #mapped} and {@link #standardize} are narrow transforms (no shuffle);
 * {@link #latestPerEvent} shuffles once by event key. All are deterministic.
 */
public final class EventTransform {

  private static final EventField[] FIELDS = EventField.values();

  private EventTransform() {
  }

  /** The schema of {@link #standardize}'s output. */
  public static StructType outputSchema() {
    StructType out = EventSchema.STANDARDIZED.add(Events.ATTRIBUTES,
        DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType, true));
    for (var field : MappedRows.LINEAGE_SCHEMA.fields()) {
      out = out.add(field);
    }
    return out;
  }

  /** Raw mapped values: {@code _id}, one string column per {@link EventField}, attributes, lineage. */
  public static Dataset<Row> mapped(Dataset<Row> bronze, SourceConfig source) {
    EventMapping mapping = source.silverMapping().flatMap(SilverMapping::eventMapping)
        .orElseThrow(() -> new IllegalArgumentException("source " + source.name() + " has no silver.events"));
    Map<String, FieldSpec> fields = new LinkedHashMap<>();
    for (EventField field : FIELDS) {
      fields.put(field.key(), mapping.fields().get(field));
    }
    Column attributes = attributes(bronze.columns(), mapping).as(Events.ATTRIBUTES);
    return MappedRows.select(bronze, new MappedRows.Selection(source.name(), "silver.events", mapping.id(),
        mapping.where(), fields), List.of(attributes));
  }

  /** Standardizes mapped rows (see {@link #mapped}); rows without an id are left out. */
  public static Dataset<Row> standardize(Dataset<Row> mapped, SourceConfig source) {
    EventRecordStandardizer standardizer = new EventRecordStandardizer(source.name(), source.silver());
    return MappedRows.standardize(mapped, FIELDS.length, EventSchema.STANDARDIZED,
        (id, values) -> standardizer.standardize(id, byField(values)));
  }

  /** One row per event key (a re-delivered event collapses to its latest ingested copy). */
  public static Dataset<Row> latestPerEvent(Dataset<Row> standardized) {
    return MappedRows.latestPer(standardized, Events.EVENT_KEY, col(Events.EVENT_TS).desc_nulls_last());
  }

  private static Column attributes(String[] columns, EventMapping mapping) {
    Set<String> used = new HashSet<>();
    mapping.fields().values().forEach(spec -> used.add(mappedColumn(spec)));
    used.add(mappedColumn(mapping.id()));
    List<Column> pairs = new ArrayList<>();
    for (String column : columns) {
      if (!column.startsWith("_") && !used.contains(column.toLowerCase(Locale.ROOT))) {
        pairs.add(lit(column));
        pairs.add(col("`" + column.replace("`", "``") + "`"));
      }
    }
    if (pairs.isEmpty()) {
      return map().cast(DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType));
    }
    return map_filter(map(pairs.toArray(Column[]::new)), (k, v) -> v.isNotNull());
  }

  private static String mappedColumn(FieldSpec spec) {
    return spec.kind() == FieldSpec.Kind.COLUMN ? spec.text().toLowerCase(Locale.ROOT) : "";
  }

  private static Map<EventField, String> byField(String[] values) {
    Map<EventField, String> raw = new EnumMap<>(EventField.class);
    for (int i = 0; i < FIELDS.length; i++) {
      raw.put(FIELDS[i], values[i]);
    }
    return raw;
  }
}
