package dev.cdi.generator;

/**
 * A phone number in canonical parts.
 *
 * @param region         ISO 3166 region: US, CA, GB, DE or MX
 * @param countryCode    calling code without "+": 1, 44, 49 or 52
 * @param nationalNumber national significant number without trunk prefix (4155550134, 7911123456, 15123456789)
 */
record Phone(String region, String countryCode, String nationalNumber) {

  /** {@code +14155550134}. */
  String e164() {
    return "+" + countryCode + nationalNumber;
  }

  /** True for the North American Numbering Plan (US and Canada). */
  boolean isNanp() {
    return "1".equals(countryCode);
  }
}
