package dev.cdi.privacy;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import dev.cdi.silver.standardize.Validity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a data subject asked to erase: customer ids, emails, phone numbers, cookie, device or loyalty ids and
 * record keys, each normalized as silver normalizes it. A value may say what it is ({@code email:},
 * {@code phone:}, {@code customer:}, {@code id:}, {@code record:}); otherwise it is taken for an email when it
 * holds an {@code @}, a customer id when it looks like one ({@code C} and 16 hex digits), a phone number when it
 * is written with digits and phone punctuation only and is a valid number, and an id otherwise. Messages name an
 * item by its position and kind, never by its value.
 *
 * @param identifiers the normalized identifiers, in request order
 */
public record ErasureRequest(List<Identifier> identifiers) {

  private static final Pattern CUSTOMER_ID = Pattern.compile("C[0-9a-f]{16}");
  private static final Pattern PHONE_TEXT = Pattern.compile("[+0-9 ().\\-/]{7,}(\\s*(x|ext\\.?)\\s*[0-9]+)?");

  public ErasureRequest {
    identifiers = List.copyOf(identifiers);
  }

  /**
   * One identifier of a request.
   *
   * @param position   1-based position in the request, for messages
   * @param kind       what it is
   * @param normalized the value as silver stores it
   */
  public record Identifier(int position, IdentifierKind kind, String normalized) {

    @Override
    public String toString() {
      return "request item " + position + " (" + kind.label() + ")";
    }
  }

  /** Parses values as given on the command line or in a request file; phones without a country code use region. */
  public static ErasureRequest parse(List<String> values, String phoneRegion) {
    requireRegion(phoneRegion);
    IdentifierNormalizer normalizer = new IdentifierNormalizer();
    List<Identifier> out = new ArrayList<>();
    for (String value : values) {
      int position = out.size() + 1;
      IdentifierKind kind = kindOf(value, phoneRegion, normalizer);
      String text = withoutPrefix(value);
      String normalized = normalizer.normalize(kind, text, phoneRegion);
      if (normalized == null) {
        throw new IllegalArgumentException("request item " + position + " is not a valid " + kind.label()
            + (kind == IdentifierKind.PHONE ? " (national numbers are read in region " + phoneRegion + ")" : ""));
      }
      out.add(new Identifier(position, kind, normalized));
    }
    return new ErasureRequest(out);
  }

  private static void requireRegion(String region) {
    if (!PhoneNumberUtil.getInstance().getSupportedRegions().contains(region)) {
      throw new IllegalArgumentException("--phone-region must be an ISO 3166 alpha-2 code that libphonenumber"
          + " supports, such as US or GB, got '" + region + "'");
    }
  }

  /** The non-blank lines of a request file that are not {@code #} comments, trimmed. */
  public static List<String> readFile(Path file) {
    try {
      return Files.readAllLines(file, StandardCharsets.UTF_8).stream().map(String::strip)
          .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the request file " + file, e);
    }
  }

  public boolean isEmpty() {
    return identifiers.isEmpty();
  }

  private static IdentifierKind kindOf(String value, String region, IdentifierNormalizer normalizer) {
    return prefix(value).orElseGet(() -> guess(value.strip(), region, normalizer));
  }

  private static IdentifierKind guess(String text, String region, IdentifierNormalizer normalizer) {
    if (text.contains("@")) {
      return IdentifierKind.EMAIL;
    }
    if (CUSTOMER_ID.matcher(text).matches()) {
      return IdentifierKind.CUSTOMER;
    }
    if (PHONE_TEXT.matcher(text).matches()
        && normalizer.phones(region).standardize(text).validity() == Validity.VALID) {
      return IdentifierKind.PHONE;
    }
    return IdentifierKind.ID;
  }

  /** The kind a {@code kind:} prefix names, if the value has one. */
  private static Optional<IdentifierKind> prefix(String value) {
    int colon = value.indexOf(':');
    if (colon <= 0) {
      return Optional.empty();
    }
    String prefix = value.substring(0, colon).strip().toLowerCase(Locale.ROOT);
    return Arrays.stream(IdentifierKind.values()).filter(k -> k != IdentifierKind.EVENT && k.label().equals(prefix))
        .findFirst();
  }

  private static String withoutPrefix(String value) {
    return prefix(value).isPresent() ? value.substring(value.indexOf(':') + 1).strip() : value.strip();
  }
}
