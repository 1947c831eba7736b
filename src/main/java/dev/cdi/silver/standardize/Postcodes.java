package dev.cdi.silver.standardize;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Standardizes postal codes. The text is accent-folded and upper-cased, and everything but letters, digits, spaces
 * and hyphens is dropped; a code needs a digit and at most {@value #MAX_LENGTH} letters and digits, else it is
 * unusable (null). Then:
 * <ul>
 *   <li>US (country US, or unknown country with the ZIP+4 shape {@code 94105-1234}): ZIP+4 becomes the 5-digit ZIP;
 *       with country US also an unseparated 9-digit ZIP. A short ZIP whose leading zero was lost ({@code 2134}) is
 *       kept as it is, since padding would guess.</li>
 *   <li>UK (country GB, or unknown country) with the UK shape: {@code OUTWARD INWARD}, {@code sw1a1aa} to
 *       {@code SW1A 1AA}.</li>
 *   <li>Canada (country CA, or unknown country) with the {@code A1A 1A1} shape: {@code k1a0b1} to {@code K1A 0B1}.
 *   </li>
 *   <li>Otherwise spaces and hyphens are removed ({@code 1234 ab} to {@code 1234AB}).</li>
 * </ul>
 */
final class Postcodes {

  private static final int MAX_LENGTH = 10;
  private static final Pattern NOT_CODE = Pattern.compile("[^A-Z0-9 -]");
  private static final Pattern SPACES = Pattern.compile(" +");
  private static final Pattern SEPARATORS = Pattern.compile("[ -]");
  private static final Pattern ZIP_PLUS_4 = Pattern.compile("\\d{5}[ -]?\\d{4}");
  private static final Pattern ZIP_PLUS_4_SEPARATED = Pattern.compile("\\d{5}[ -]\\d{4}");
  private static final Pattern UK = Pattern.compile("[A-Z]{1,2}\\d[A-Z\\d]?\\d[A-Z]{2}");
  private static final Pattern CANADA = Pattern.compile("[A-Z]\\d[A-Z]\\d[A-Z]\\d");

  private Postcodes() {
  }

  /** The standardized postcode for a country (ISO alpha-2 or null), or null when unusable. */
  static String standardize(String raw, String country) {
    String cleaned = Text.clean(raw);
    if (cleaned == null || cleaned.length() > AddressText.MAX_FIELD) {
      return null;
    }
    String upper = Text.fold(cleaned).toUpperCase(Locale.ROOT);
    String text = SPACES.matcher(NOT_CODE.matcher(upper).replaceAll("").strip()).replaceAll(" ");
    String compact = SEPARATORS.matcher(text).replaceAll("");
    if (compact.isEmpty() || compact.length() > MAX_LENGTH || !Text.hasDigit(compact)) {
      return null;
    }
    boolean unknown = country == null;
    if ("US".equals(country) && ZIP_PLUS_4.matcher(text).matches()
        || unknown && ZIP_PLUS_4_SEPARATED.matcher(text).matches()) {
      return compact.substring(0, 5);
    }
    if ((unknown || "GB".equals(country)) && UK.matcher(compact).matches()
        || (unknown || "CA".equals(country)) && CANADA.matcher(compact).matches()) {
      return compact.substring(0, compact.length() - 3) + " " + compact.substring(compact.length() - 3);
    }
    return compact;
  }
}
