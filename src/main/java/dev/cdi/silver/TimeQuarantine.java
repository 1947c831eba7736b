package dev.cdi.silver;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.current_timestamp;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import dev.cdi.config.EventField;
import dev.cdi.config.FieldSpec;
import dev.cdi.config.IdentityField;
import dev.cdi.config.InvalidTimeAction;
import dev.cdi.config.SourceConfig;
import dev.cdi.io.Columns.Events;
import dev.cdi.io.Columns.Identities;
import dev.cdi.io.Columns.SilverQuarantine;
import dev.cdi.silver.standardize.Validity;
import dev.cdi.spark.SchemaChecks;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The {@code silver.invalid_times: quarantine} option of a source: standardized rows with an unparsable date or
 * time field are kept out of silver and become {@code silver/_quarantine} rows whose reason names the field and
 * the formats that were tried (never the value, which may be personal data); the bronze file, row number and row
 * hash point back at the raw row. Narrow transforms, no shuffle; deterministic apart from the timestamp column.
 */
final class TimeQuarantine {

  private static final String INVALID = Validity.INVALID.name();

  private TimeQuarantine() {
  }

  /**
   * The time fields of one silver table as they apply to a source: validity column → field description.
   *
   * @param validityColumn the standardized validity column of the field
   * @param field          the configuration key of the field, for the reason
   * @param spec           the configured field, or null when the source does not map it
   */
  record TimeField(String validityColumn, String field, FieldSpec spec) {

    String reason(SourceConfig source) {
      List<String> formats = spec == null || spec.formats().isEmpty() ? List.of("iso") : spec.formats();
      return "unparsable " + field + ": none of the formats [" + String.join(", ", formats) + "] matches (zone "
          + source.silver().timezone() + ")";
    }
  }

  /** True for rows that the source's configuration sends to quarantine; always false for {@code nullify}. */
  static Column quarantined(SourceConfig source, List<TimeField> fields) {
    Column any = lit(false);
    if (source.silver().invalidTimes() == InvalidTimeAction.QUARANTINE) {
      for (TimeField field : fields) {
        any = any.or(col(field.validityColumn()).equalTo(INVALID));
      }
    }
    return any;
  }

  /**
   * The quarantine rows for the rows where {@link #quarantined} holds, in the {@code silver/_quarantine} schema.
   *
   * @param standardized standardized rows with their bronze lineage columns
   * @param table        the silver table they were meant for
   * @param keyColumn    their key column
   */
  static Dataset<Row> rows(Dataset<Row> standardized, SourceConfig source, List<TimeField> fields, String table,
                           String keyColumn, String runId) {
    List<String> required = new ArrayList<>(List.of(keyColumn, SilverQuarantine.SOURCE_FILE,
        SilverQuarantine.ROW_NUMBER, SilverQuarantine.ROW_HASH));
    fields.forEach(f -> required.add(f.validityColumn()));
    SchemaChecks.requireColumns(standardized, "standardized " + table, required.toArray(String[]::new));
    Column[] reasons = fields.stream().map(f -> when(col(f.validityColumn()).equalTo(INVALID), f.reason(source)))
        .toArray(Column[]::new);
    return standardized.where(quarantined(source, fields)).select(
        lit(runId).as(SilverQuarantine.RUN_ID),
        lit(source.name()).as(SilverQuarantine.SOURCE),
        lit(table).as(SilverQuarantine.TABLE),
        col(keyColumn).as(SilverQuarantine.KEY),
        concat_ws("; ", reasons).as(SilverQuarantine.REASON),
        col(SilverQuarantine.SOURCE_FILE),
        col(SilverQuarantine.ROW_NUMBER),
        col(SilverQuarantine.ROW_HASH),
        current_timestamp().as(SilverQuarantine.QUARANTINED_AT));
  }

  /** The date and time fields of an identity record. */
  static List<TimeField> identityFields(SourceConfig source) {
    Map<IdentityField, FieldSpec> fields = source.silver().identity().fields();
    return List.of(
        new TimeField(Identities.BIRTH_DATE_VALIDITY, IdentityField.BIRTH_DATE.key(),
            fields.get(IdentityField.BIRTH_DATE)),
        new TimeField(Identities.UPDATED_AT_VALIDITY, IdentityField.UPDATED_AT.key(),
            fields.get(IdentityField.UPDATED_AT)));
  }

  /** The time field of an event. */
  static List<TimeField> eventFields(SourceConfig source) {
    return List.of(new TimeField(Events.EVENT_TS_VALIDITY, EventField.TIMESTAMP.key(),
        source.silver().events().fields().get(EventField.TIMESTAMP)));
  }
}
