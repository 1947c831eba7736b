package dev.cdi.silver;

import dev.cdi.config.EventField;
import dev.cdi.config.FieldSpec;
import dev.cdi.config.SilverMapping;
import dev.cdi.config.SilverMapping.EventMapping;
import dev.cdi.silver.standardize.EmailResult;
import dev.cdi.silver.standardize.EmailStandardizer;
import dev.cdi.silver.standardize.PhoneResult;
import dev.cdi.silver.standardize.PhoneStandardizer;
import dev.cdi.silver.standardize.TimestampParser;
import dev.cdi.silver.standardize.Validity;
import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * Standardizes one touchpoint of a source: event time to UTC (the source's formats and zone), the identifiers
 * that tie it to a person (record key of the identity record it refers to, email match key, E.164 phone, cookie,
 * device and loyalty ids), and the amount as a decimal with cents. Never throws on bad values: time, email, phone
 * and amount carry a validity. Pure Java; Spark runs it per partition.
 */
public final class EventRecordStandardizer implements Serializable {

  private static final long serialVersionUID = 1L;
  /** Plain decimals, or thousands separated by commas in groups of three; "12,5" is ambiguous and rejected. */
  private static final Pattern AMOUNT = Pattern.compile("-?(\\d{1,16}|\\d{1,3}(,\\d{3}){1,5})(\\.\\d+)?");

  private final String source;
  private final String recordSource;
  private final PhoneStandardizer phones;
  private final TimestampParser times;

  public EventRecordStandardizer(String source, SilverMapping mapping) {
    this.source = source;
    EventMapping events = mapping.eventMapping().orElseThrow();
    this.recordSource = events.recordSource() == null ? source : events.recordSource();
    this.phones = new PhoneStandardizer(mapping.phoneRegion());
    FieldSpec time = events.fields().get(EventField.TIMESTAMP);
    this.times = new TimestampParser(time.formats().isEmpty() ? List.of("iso") : time.formats(), mapping.timezone());
  }

  /**
   * A standardized row in {@link EventSchema#STANDARDIZED} order.
   *
   * @param id  the source event id (non-blank)
   * @param raw raw values by field; absent or null when not mapped or empty
   */
  public Row standardize(String id, Map<EventField, String> raw) {
    String tsRaw = raw.get(EventField.TIMESTAMP);
    Instant ts = times.parse(tsRaw);
    String recordId = clean(raw.get(EventField.RECORD_ID));
    EmailResult email = EmailStandardizer.standardize(raw.get(EventField.EMAIL));
    PhoneResult phone = phones.standardize(raw.get(EventField.PHONE));
    String amountRaw = raw.get(EventField.AMOUNT);
    BigDecimal amount = amount(amountRaw);
    return RowFactory.create(source + ":" + id, source, id,
        lower(raw.get(EventField.TYPE)), lower(raw.get(EventField.CHANNEL)),
        ts == null ? null : Timestamp.from(ts), ts == null ? null : Date.valueOf(ts.atZone(ZoneOffset.UTC)
            .toLocalDate()), validity(tsRaw, ts),
        recordId == null ? null : recordSource + ":" + recordId,
        email.matchKey(), email.validity().name(), phone.e164(), phone.validity().name(),
        clean(raw.get(EventField.COOKIE_ID)), clean(raw.get(EventField.DEVICE_ID)),
        clean(raw.get(EventField.LOYALTY_ID)), amount, validity(amountRaw, amount),
        upper(raw.get(EventField.CURRENCY)), clean(raw.get(EventField.CAMPAIGN)), clean(raw.get(EventField.PRODUCT)));
  }

  /**
   * Decimal amounts like {@code 45.10}, {@code -3}, {@code 1,234.50}, rounded to cents half-even
   * (banker's rounding, so rounding does not bias sums); anything else is null.
   */
  static BigDecimal amount(String raw) {
    String s = clean(raw);
    if (s == null || !AMOUNT.matcher(s).matches()) {
      return null;
    }
    return new BigDecimal(s.replace(",", "")).setScale(2, RoundingMode.HALF_EVEN);
  }

  private static String validity(String raw, Object parsed) {
    if (clean(raw) == null) {
      return Validity.MISSING.name();
    }
    return (parsed == null ? Validity.INVALID : Validity.VALID).name();
  }

  private static String clean(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  private static String lower(String s) {
    String c = clean(s);
    return c == null ? null : c.toLowerCase(Locale.ROOT);
  }

  private static String upper(String s) {
    String c = clean(s);
    return c == null ? null : c.toUpperCase(Locale.ROOT);
  }
}
