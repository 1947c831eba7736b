package dev.cdi.privacy;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.get_json_object;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.when;

import dev.cdi.config.EventField;
import dev.cdi.config.FieldSpec;
import dev.cdi.config.IdentityField;
import dev.cdi.config.SilverMapping;
import dev.cdi.config.SilverMapping.EventMapping;
import dev.cdi.config.SilverMapping.IdentityMapping;
import dev.cdi.config.SourceConfig;
import dev.cdi.io.Columns.Quarantine;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The {@link MatchEntries} of raw rows: a {@code bronze/<source>} row and a {@code bronze/_quarantine} row. A bronze
 * row is matched through the source's silver mapping (its record id, event id and the record it refers to as keys,
 * its email, phone, cookie, device and loyalty fields as identifiers, standardized as silver does) and, beyond the
 * mapping, every raw field is searched for emails and phone numbers. Mapped fields written as expressions or
 * literals are not used. A quarantined row cannot be parsed, so its raw text is searched for emails, phones and
 * words that are ids or the id part of the source's record and event keys.
 */
public final class BronzeEntries {

  private static final Map<IdentityField, IdentifierKind> IDENTITY_IDENTIFIERS = Map.of(
      IdentityField.EMAIL, IdentifierKind.EMAIL, IdentityField.PHONE, IdentifierKind.PHONE,
      IdentityField.LOYALTY_ID, IdentifierKind.ID);
  private static final Map<EventField, IdentifierKind> EVENT_IDENTIFIERS = Map.of(
      EventField.EMAIL, IdentifierKind.EMAIL, EventField.PHONE, IdentifierKind.PHONE,
      EventField.COOKIE_ID, IdentifierKind.ID, EventField.DEVICE_ID, IdentifierKind.ID,
      EventField.LOYALTY_ID, IdentifierKind.ID);

  private BronzeEntries() {
  }

  /** Entries of a row of {@code bronze/<source>} whose table (or batch) has {@code schema}. */
  public static List<Column> of(SourceConfig source, StructType schema) {
    String region = region(source);
    List<Column> out = new ArrayList<>();
    for (StructField field : schema.fields()) {
      if (!field.name().startsWith("_") && field.dataType().equals(DataTypes.StringType)) {
        out.add(MatchEntries.scan(col(quoted(field.name())), region));
      }
    }
    Optional<SilverMapping> mapping = source.silverMapping();
    mapping.flatMap(SilverMapping::identityMapping).ifPresent(m -> identity(source, m, schema, region, out));
    mapping.flatMap(SilverMapping::eventMapping).ifPresent(m -> events(source, m, schema, region, out));
    return out;
  }

  /** The record key a bronze row's identity record has, if the source maps its id to a column. */
  public static Optional<Column> recordKey(SourceConfig source, StructType schema) {
    return source.silverMapping().flatMap(SilverMapping::identityMapping)
        .flatMap(m -> column(m.id(), schema)).map(id -> key(source.name(), id));
  }

  /** The event key a bronze row's event has, if the source maps its event id to a column. */
  public static Optional<Column> eventKey(SourceConfig source, StructType schema) {
    return source.silverMapping().flatMap(SilverMapping::eventMapping)
        .flatMap(m -> column(m.id(), schema)).map(id -> key(source.name(), id));
  }

  /** The key of the identity record a bronze row's event refers to, if mapped to a column. */
  public static Optional<Column> referencedRecordKey(SourceConfig source, StructType schema) {
    return source.silverMapping().flatMap(SilverMapping::eventMapping)
        .flatMap(m -> Optional.ofNullable(m.fields().get(EventField.RECORD_ID)).flatMap(spec -> column(spec, schema))
            .map(id -> key(m.recordSource() == null ? source.name() : m.recordSource(), id)));
  }

  /** The one entry of a {@code bronze/_quarantine} row: its raw text, read with its source's settings. */
  public static Column quarantine(Collection<SourceConfig> sources) {
    Column source = col(Quarantine.SOURCE);
    Column region = lit(null).cast(DataTypes.StringType);
    Column recordSources = lit(null).cast(DataTypes.StringType);
    Column eventSource = lit(null).cast(DataTypes.StringType);
    for (SourceConfig s : sources) {
      Column is = source.equalTo(s.name());
      region = when(is, lit(region(s))).otherwise(region);
      recordSources = when(is, lit(String.join(",", recordSources(s)))).otherwise(recordSources);
      if (s.silverMapping().flatMap(SilverMapping::eventMapping).isPresent()) {
        eventSource = when(is, lit(s.name())).otherwise(eventSource);
      }
    }
    return MatchEntries.text(col(Quarantine.RAW_TEXT), region, recordSources, eventSource);
  }

  private static void identity(SourceConfig source, IdentityMapping mapping, StructType schema, String region,
                               List<Column> out) {
    recordKey(source, schema).ifPresent(key -> out.add(MatchEntries.of(IdentifierKind.RECORD, key)));
    IDENTITY_IDENTIFIERS.forEach((field, kind) -> Optional.ofNullable(mapping.fields().get(field))
        .flatMap(spec -> column(spec, schema)).ifPresent(c -> out.add(entry(kind, c, region))));
  }

  private static void events(SourceConfig source, EventMapping mapping, StructType schema, String region,
                             List<Column> out) {
    eventKey(source, schema).ifPresent(key -> out.add(MatchEntries.of(IdentifierKind.EVENT, key)));
    referencedRecordKey(source, schema).ifPresent(key -> out.add(MatchEntries.of(IdentifierKind.RECORD, key)));
    EVENT_IDENTIFIERS.forEach((field, kind) -> Optional.ofNullable(mapping.fields().get(field))
        .flatMap(spec -> column(spec, schema)).ifPresent(c -> out.add(entry(kind, c, region))));
  }

  private static Column entry(IdentifierKind kind, Column value, String region) {
    return kind == IdentifierKind.PHONE ? MatchEntries.phone(value, region) : MatchEntries.of(kind, value);
  }

  /** {@code <source>:<trimmed id>}, null when the id is blank. */
  private static Column key(String source, Column id) {
    Column trimmed = trim(id);
    return when(trimmed.notEqual(""), concat(lit(source + ":"), trimmed));
  }

  /** Sources whose record keys a quarantined row of {@code source} may hold the id part of. */
  private static Set<String> recordSources(SourceConfig source) {
    Set<String> out = new LinkedHashSet<>();
    source.silverMapping().flatMap(SilverMapping::identityMapping).ifPresent(m -> out.add(source.name()));
    source.silverMapping().flatMap(SilverMapping::eventMapping)
        .filter(m -> m.fields().containsKey(EventField.RECORD_ID))
        .ifPresent(m -> out.add(m.recordSource() == null ? source.name() : m.recordSource()));
    return out;
  }

  private static String region(SourceConfig source) {
    return source.silverMapping().map(SilverMapping::phoneRegion).orElse(IdentifierNormalizer.DEFAULT_REGION);
  }

  /**
   * The column a mapping spec names, when the schema has it: a column (case-insensitive) or a field of a JSON-text
   * column ({@code shipping_address.city}), as silver resolves it; empty for literals, expressions and columns this
   * schema lacks.
   */
  static Optional<Column> column(FieldSpec spec, StructType schema) {
    if (spec.kind() != FieldSpec.Kind.COLUMN) {
      return Optional.empty();
    }
    Map<String, String> names = new LinkedHashMap<>();
    Arrays.stream(schema.fieldNames()).forEach(n -> names.put(n.toLowerCase(Locale.ROOT), n));
    String name = spec.text();
    String exact = names.get(name.toLowerCase(Locale.ROOT));
    if (exact != null) {
      return Optional.of(col(quoted(exact)).cast(DataTypes.StringType));
    }
    int dot = name.indexOf('.');
    String parent = dot > 0 ? names.get(name.substring(0, dot).toLowerCase(Locale.ROOT)) : null;
    return parent == null ? Optional.empty()
        : Optional.of(get_json_object(col(quoted(parent)), "$." + name.substring(dot + 1)));
  }

  private static String quoted(String name) {
    return "`" + name.replace("`", "``") + "`";
  }
}
