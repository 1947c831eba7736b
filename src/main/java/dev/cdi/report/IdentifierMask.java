package dev.cdi.report;

/**
 * Masks an identifier value (an email key, a phone number, a loyalty id) for display, so that a report can name a
 * hub without showing a personal identifier: an email keeps the first character of its local part and of its
 * domain and the top-level domain ({@code test@test.com} becomes {@code t•••@t•••.com}); any other value keeps only
 * its last two characters when it has at least six ({@code +15550000000} becomes {@code •••00}). No hash is shown:
 * an unsalted hash of a phone number is reversed by trying every number.
 */
public final class IdentifierMask {

  private static final String HIDDEN = "\u2022\u2022\u2022";
  private static final int MIN_LENGTH_FOR_TAIL = 6;
  private static final int TAIL = 2;

  private IdentifierMask() {
  }

  /** The masked value; null or empty becomes the empty string. */
  public static String mask(String value) {
    if (value == null || value.isEmpty()) {
      return "";
    }
    int at = value.lastIndexOf('@');
    if (at >= 0) {
      return first(value.substring(0, at)) + "@" + domain(value.substring(at + 1));
    }
    int length = value.codePointCount(0, value.length());
    if (length < MIN_LENGTH_FOR_TAIL) {
      return HIDDEN;
    }
    return HIDDEN + value.substring(value.offsetByCodePoints(0, length - TAIL));
  }

  private static String domain(String domain) {
    int dot = domain.lastIndexOf('.');
    return dot <= 0 ? first(domain) : first(domain.substring(0, dot)) + domain.substring(dot);
  }

  private static String first(String part) {
    return part.isEmpty() ? HIDDEN : part.substring(0, part.offsetByCodePoints(0, 1)) + HIDDEN;
  }
}
