package dev.cdi.silver;

import dev.cdi.config.FieldSpec;
import dev.cdi.config.IdentityField;
import dev.cdi.config.SilverMapping;
import dev.cdi.silver.standardize.AddressResult;
import dev.cdi.silver.standardize.AddressStandardizer;
import dev.cdi.silver.standardize.EmailResult;
import dev.cdi.silver.standardize.EmailStandardizer;
import dev.cdi.silver.standardize.NameResult;
import dev.cdi.silver.standardize.NameStandardizer;
import dev.cdi.silver.standardize.PhoneResult;
import dev.cdi.silver.standardize.PhoneStandardizer;
import dev.cdi.silver.standardize.TimestampParser;
import dev.cdi.silver.standardize.Validity;
import java.io.Serializable;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import scala.collection.JavaConverters;

/**
 * Standardizes one identity record of a source: names (parts, or a full name when no parts are mapped), email,
 * phone (E.164 with the source's default region), address, date of birth and update time (the source's formats
 * and zone), consent and loyalty id. Never throws on bad values: each attribute gets a validity (VALID, INVALID,
 * MISSING), and the raw values are kept in the {@code raw} map. Pure Java; Spark runs it per partition.
 */
public final class IdentityRecordStandardizer implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final List<String> ISO = List.of("iso");

  private final String source;
  private final NameStandardizer names = new NameStandardizer();
  private final PhoneStandardizer phones;
  private final AddressStandardizer addresses = new AddressStandardizer();
  private final TimestampParser birthDates;
  private final TimestampParser updateTimes;

  public IdentityRecordStandardizer(String source, SilverMapping mapping) {
    this.source = source;
    this.phones = new PhoneStandardizer(mapping.phoneRegion());
    Map<IdentityField, FieldSpec> fields = mapping.identityMapping().orElseThrow().fields();
    this.birthDates = parser(fields.get(IdentityField.BIRTH_DATE), mapping.timezone());
    this.updateTimes = parser(fields.get(IdentityField.UPDATED_AT), mapping.timezone());
  }

  private static TimestampParser parser(FieldSpec spec, String zone) {
    List<String> formats = spec == null || spec.formats().isEmpty() ? ISO : spec.formats();
    return new TimestampParser(formats, zone);
  }

  /**
   * A standardized row in {@link IdentitySchema#STANDARDIZED} order.
   *
   * @param id  the source record id (non-blank)
   * @param raw raw values by field; absent or null when not mapped or empty
   */
  public Row standardize(String id, Map<IdentityField, String> raw) {
    NameResult name = name(raw);
    EmailResult email = EmailStandardizer.standardize(raw.get(IdentityField.EMAIL));
    PhoneResult phone = phones.standardize(raw.get(IdentityField.PHONE));
    AddressResult address = addresses.standardize(raw.get(IdentityField.ADDRESS_LINE1),
        raw.get(IdentityField.ADDRESS_LINE2), raw.get(IdentityField.CITY), raw.get(IdentityField.REGION),
        raw.get(IdentityField.POSTCODE), raw.get(IdentityField.COUNTRY));
    String birthRaw = raw.get(IdentityField.BIRTH_DATE);
    LocalDate birth = birthDates.parseDate(birthRaw);
    String updatedRaw = raw.get(IdentityField.UPDATED_AT);
    Instant updated = updateTimes.parse(updatedRaw);
    return RowFactory.create(source + ":" + id, source, id,
        name.given(), name.middle(), name.family(), name.givenCanonical(), name.givenKey(), name.familyKey(),
        name.fullKey(), name.validity().name(),
        email.normalized(), email.matchKey(), email.validity().name(),
        phone.e164(), phone.validity().name(),
        address.line1(), address.unit(), address.city(), address.region(), address.postcode(), address.country(),
        address.singleLine(), address.validity().name(),
        birth == null ? null : Date.valueOf(birth), validity(birthRaw, birth),
        blankToNull(raw.get(IdentityField.LOYALTY_ID)), nationalId(raw.get(IdentityField.NATIONAL_ID)),
        bool(raw.get(IdentityField.EMAIL_CONSENT)),
        updated == null ? null : Timestamp.from(updated), validity(updatedRaw, updated),
        JavaConverters.mapAsScalaMap(rawMap(raw)));
  }

  private NameResult name(Map<IdentityField, String> raw) {
    String given = raw.get(IdentityField.GIVEN_NAME);
    String middle = raw.get(IdentityField.MIDDLE_NAME);
    String family = raw.get(IdentityField.FAMILY_NAME);
    if (isBlank(given) && isBlank(middle) && isBlank(family) && !isBlank(raw.get(IdentityField.FULL_NAME))) {
      return names.standardizeFull(raw.get(IdentityField.FULL_NAME));
    }
    return names.standardizeParts(given, middle, family);
  }

  /** Letters and digits of an id number, upper-case ({@code 123-45 678} and {@code 12345678} are the same). */
  static String nationalId(String raw) {
    if (isBlank(raw)) {
      return null;
    }
    StringBuilder out = new StringBuilder();
    raw.codePoints().filter(Character::isLetterOrDigit).forEach(c -> out.appendCodePoint(Character.toUpperCase(c)));
    return out.isEmpty() ? null : out.toString();
  }

  private static String validity(String raw, Object parsed) {
    if (isBlank(raw)) {
      return Validity.MISSING.name();
    }
    return (parsed == null ? Validity.INVALID : Validity.VALID).name();
  }

  private static Boolean bool(String raw) {
    if (isBlank(raw)) {
      return null;
    }
    return switch (raw.strip().toLowerCase(Locale.ROOT)) {
      case "true", "yes", "y", "1" -> Boolean.TRUE;
      case "false", "no", "n", "0" -> Boolean.FALSE;
      default -> null;
    };
  }

  private static Map<String, String> rawMap(Map<IdentityField, String> raw) {
    Map<String, String> out = new LinkedHashMap<>();
    for (IdentityField field : IdentityField.values()) {
      String value = raw.get(field);
      if (value != null) {
        out.put(field.key(), value);
      }
    }
    return out;
  }

  private static String blankToNull(String s) {
    return isBlank(s) ? null : s.strip();
  }

  private static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }
}
