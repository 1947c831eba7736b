package dev.cdi.silver.standardize;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.io.Serializable;
import java.util.Locale;

/**
 * Standardizes phone numbers to E.164 with Google's libphonenumber. Immutable, thread-safe and serializable (the
 * library's {@link PhoneNumberUtil} singleton is looked up statically, never serialized); {@link #standardize}
 * never throws.
 *
 * <p>Rules: the text is parsed with the default region given at construction, so national formats of that region
 * ({@code (415) 555-0134}, {@code 415.555.0134}) work, as do international ones with {@code +}, with the region's
 * own international prefix ({@code 011} from the US) and with {@code 00}, which is accepted from every region
 * ({@code 0049 1512 3456789}). Extensions ({@code x12}, {@code ext. 45}, {@code #12}) are dropped. The number must
 * pass {@link PhoneNumberUtil#isValidNumber}, which checks length and number ranges against the region's numbering
 * plan: a national number of another country without its country code is therefore invalid. Letters are read as
 * on a phone keypad, as libphonenumber does, so the vanity number {@code 1-800-FLOWERS} is the valid toll-free
 * {@code +18003569377}. Obvious placeholders are invalid even when the library accepts them: numbers whose last
 * seven digits repeat one digit ({@code 000-000-0000}, {@code (415) 555-5555}, {@code +7 777 777 7777}; about one
 * real number in a million has that shape), and national numbers of seven or more digits that count up or down
 * ({@code 1234567890}, {@code +1 234 567 8901}, {@code 9876543210}). The fictional NANP range 555-0100 to
 * 555-0199 is valid for libphonenumber and is kept. Other frequently shared numbers (store default numbers) are
 * left to the hub detection of identity resolution. Inputs longer than {@value #MAX_INPUT} characters are invalid.
 */
public final class PhoneStandardizer implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final int MAX_INPUT = 100;
  private static final int TAIL = 7;
  private static final String ASCENDING = "01234567890123456789";
  private static final String DESCENDING = "98765432109876543210";
  /** Region code libphonenumber gives numbers it cannot place. */
  private static final String UNKNOWN_REGION = "ZZ";

  private final String defaultRegion;

  /**
   * A standardizer that reads national numbers as numbers of {@code defaultRegion}.
   *
   * @param defaultRegion ISO 3166 alpha-2 code supported by libphonenumber, such as {@code US} (case-insensitive)
   * @throws IllegalArgumentException when the region is null or not supported ({@code UK} is not: use {@code GB})
   */
  public PhoneStandardizer(String defaultRegion) {
    String region = defaultRegion == null ? "" : defaultRegion.strip().toUpperCase(Locale.ROOT);
    if (!util().getSupportedRegions().contains(region)) {
      throw new IllegalArgumentException("unsupported phone region '" + defaultRegion
          + "': expected an ISO 3166 alpha-2 code that libphonenumber supports, such as US or GB");
    }
    this.defaultRegion = region;
  }

  /** The region that national numbers are read in. */
  public String defaultRegion() {
    return defaultRegion;
  }

  /** The standardized form of {@code raw}; see the class description for the rules. */
  public PhoneResult standardize(String raw) {
    String text = Text.clean(raw);
    if (text == null) {
      return PhoneResult.MISSING;
    }
    if (text.length() > MAX_INPUT) {
      return PhoneResult.INVALID;
    }
    PhoneNumber number = parse(withPlusForDoubleZero(text));
    if (number == null || !util().isValidNumber(number) || isPlaceholder(number)) {
      return PhoneResult.INVALID;
    }
    String e164 = util().format(number, PhoneNumberFormat.E164);
    String region = util().getRegionCodeForNumber(number);
    return new PhoneResult(e164, isRegion(region) ? region : null, Validity.VALID);
  }

  private PhoneNumber parse(String text) {
    try {
      return util().parse(text, defaultRegion);
    } catch (NumberParseException | RuntimeException e) {
      // A third-party parser: any failure on hostile text means the input is not a usable number.
      return null;
    }
  }

  /** {@code 00} before the country code is the international prefix in most of the world: read it as {@code +}. */
  private static String withPlusForDoubleZero(String text) {
    int i = 0;
    while (i < text.length() && (text.charAt(i) == '(' || text.charAt(i) == ' ')) {
      i++;
    }
    return text.startsWith("00", i) ? "+" + text.substring(i + 2) : text;
  }

  /** True when the last seven digits repeat one digit, or the whole national number counts up or down. */
  private static boolean isPlaceholder(PhoneNumber number) {
    String nsn = util().getNationalSignificantNumber(number);
    String tail = nsn.substring(Math.max(0, nsn.length() - TAIL));
    boolean repeated = tail.chars().allMatch(c -> c == tail.charAt(0));
    boolean run = nsn.length() >= TAIL && (ASCENDING.contains(nsn) || DESCENDING.contains(nsn));
    return repeated || run;
  }

  private static boolean isRegion(String region) {
    return region != null && !UNKNOWN_REGION.equals(region)
        && !PhoneNumberUtil.REGION_CODE_FOR_NON_GEO_ENTITY.equals(region);
  }

  private static PhoneNumberUtil util() {
    return PhoneNumberUtil.getInstance();
  }
}
