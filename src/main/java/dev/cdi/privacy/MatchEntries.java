package dev.cdi.privacy;

import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.types.DataTypes;

/**
 * The values of a row that {@link IdentifierMatcher} checks, each a struct of {@code kind} (an
 * {@link IdentifierKind} label, {@value #SCAN} or {@value #TEXT}), {@code value}, {@code region} (for phones),
 * {@code record_sources} (comma-separated) and {@code event_source} (for words in text). A {@value #SCAN} value
 * is searched for emails and phones; a {@value #TEXT} value also for words that are ids or keys.
 */
public final class MatchEntries {

  /** Free text searched for emails and phone numbers. */
  public static final String SCAN = "scan";
  /** Free text searched for emails, phone numbers and words that are ids or keys. */
  public static final String TEXT = "text";

  private MatchEntries() {
  }

  /** {@code value} as an identifier of {@code kind} (phones without a country code are read as US numbers). */
  public static Column of(IdentifierKind kind, Column value) {
    return entry(lit(kind.label()), value, lit(null), lit(null), lit(null));
  }

  /** {@code value} as a phone number, national numbers read in {@code region}. */
  public static Column phone(Column value, String region) {
    return entry(lit(IdentifierKind.PHONE.label()), value, lit(region), lit(null), lit(null));
  }

  /** Free text searched for emails and phones (national numbers read in {@code region}). */
  public static Column scan(Column value, String region) {
    return entry(lit(SCAN), value, lit(region), lit(null), lit(null));
  }

  /**
   * Free text searched for emails, phones and words; a word is also tried as the id part of a record key of
   * {@code recordSources} (comma-separated) and of an event key of {@code eventSource}.
   */
  public static Column text(Column value, Column region, Column recordSources, Column eventSource) {
    return entry(lit(TEXT), value, region, recordSources, eventSource);
  }

  private static Column entry(Column kind, Column value, Column region, Column recordSources, Column eventSource) {
    return struct(kind.as("kind"), value.cast(DataTypes.StringType).as("value"),
        region.cast(DataTypes.StringType).as("region"), recordSources.cast(DataTypes.StringType).as("record_sources"),
        eventSource.cast(DataTypes.StringType).as("event_source"));
  }
}
