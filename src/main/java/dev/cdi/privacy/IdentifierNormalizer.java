package dev.cdi.privacy;

import dev.cdi.silver.standardize.EmailStandardizer;
import dev.cdi.silver.standardize.PhoneStandardizer;
import java.io.Serializable;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Brings an identifier to the form silver stores it in, with silver's own standardizers, so that a value written
 * differently (upper case, a {@code +tag}, gmail dots; {@code (415) 555-0134} and {@code +1 415 555 0134}) hashes
 * the same: emails to their match key, phones to E.164 (national numbers read in the given region), ids and keys
 * trimmed. Null when the value is not a usable identifier of that kind. Thread-safe and serializable.
 */
public final class IdentifierNormalizer implements Serializable {

  private static final long serialVersionUID = 1L;
  /** Region for phone numbers when none is known; numbers written with a country code do not need one. */
  public static final String DEFAULT_REGION = "US";

  private transient volatile Map<String, PhoneStandardizer> phones;

  /** The normalized value, or null. */
  public String normalize(IdentifierKind kind, String value, String region) {
    if (value == null || value.isBlank()) {
      return null;
    }
    return switch (kind) {
      case EMAIL -> EmailStandardizer.standardize(value).matchKey();
      case PHONE -> phones(region).standardize(value).e164();
      case ID, RECORD, EVENT, CUSTOMER -> value.strip();
    };
  }

  PhoneStandardizer phones(String region) {
    if (phones == null) {
      phones = new ConcurrentHashMap<>();
    }
    return phones.computeIfAbsent(region == null ? DEFAULT_REGION : region, PhoneStandardizer::new);
  }
}
