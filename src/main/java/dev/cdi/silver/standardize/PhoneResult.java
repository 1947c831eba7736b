package dev.cdi.silver.standardize;

import java.io.Serializable;

/**
 * A standardized phone number.
 *
 * @param e164     the number in E.164 ({@code +14155550134}), without any extension; null unless valid
 * @param region   ISO 3166 region the number belongs to ({@code US}, {@code GB}); null unless valid or when the
 *                 number is not tied to one region (global services numbers)
 * @param validity whether the input was usable
 */
public record PhoneResult(String e164, String region, Validity validity) implements Serializable {

  static final PhoneResult MISSING = new PhoneResult(null, null, Validity.MISSING);
  static final PhoneResult INVALID = new PhoneResult(null, null, Validity.INVALID);
}
