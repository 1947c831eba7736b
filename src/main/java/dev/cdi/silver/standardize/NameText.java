package dev.cdi.silver.standardize;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Character-level shaping of names: sanitizing (NFC; typographic apostrophes and dashes unified; punctuation,
 * symbols and emoji turned into spaces), the title-cased display form of words and the letters-only match key.
 * See {@link NameStandardizer} for the rules.
 */
final class NameText {

  private static final String APOSTROPHES = "'\u2019\u2018\u02BC`\u00B4\u2032\uFF07";
  private static final String HYPHENS = "-\u2010\u2011\u2012\u2013\u2014\u2015\u2212\uFE63\uFF0D";

  private NameText() {
  }

  /** NFC text with apostrophes and dashes unified and other punctuation (commas only if asked) turned to spaces. */
  static String sanitize(String text, boolean keepCommas) {
    String nfc = Normalizer.normalize(text, Normalizer.Form.NFC);
    StringBuilder out = new StringBuilder(nfc.length());
    nfc.codePoints().forEach(cp -> out.appendCodePoint(sanitized(cp, keepCommas)));
    String cleaned = Text.clean(out.toString());
    return cleaned == null ? "" : cleaned;
  }

  private static int sanitized(int cp, boolean keepCommas) {
    if (APOSTROPHES.indexOf(cp) >= 0) {
      return '\'';
    }
    if (HYPHENS.indexOf(cp) >= 0) {
      return '-';
    }
    boolean kept = Character.isLetterOrDigit(cp) || isMark(cp) || cp == '.' || cp == ' ' || keepCommas && cp == ',';
    return kept ? cp : ' ';
  }

  private static boolean isMark(int cp) {
    int type = Character.getType(cp);
    return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
        || type == Character.ENCLOSING_MARK;
  }

  /** The display form of sanitized words: dots split words, joiners at word ends dropped, title case. */
  static String display(List<String> words) {
    List<String> out = new ArrayList<>();
    for (String word : words) {
      for (String piece : word.split("\\.")) {
        String trimmed = trimJoiners(piece);
        if (!trimmed.isEmpty()) {
          out.add(titleCase(trimmed));
        }
      }
    }
    return String.join(" ", out);
  }

  private static String trimJoiners(String word) {
    int start = 0;
    int end = word.length();
    while (start < end && (word.charAt(start) == '-' || word.charAt(start) == '\'')) {
      start++;
    }
    while (end > start && (word.charAt(end - 1) == '-' || word.charAt(end - 1) == '\'')) {
      end--;
    }
    return word.substring(start, end);
  }

  /** Capital at the start, after a hyphen, and after an apostrophe that follows a single letter. */
  private static String titleCase(String word) {
    String lower = word.toLowerCase(Locale.ROOT);
    StringBuilder out = new StringBuilder(lower.length());
    boolean capitalNext = true;
    int lettersInPart = 0;
    for (int i = 0; i < lower.length(); ) {
      int cp = lower.codePointAt(i);
      i += Character.charCount(cp);
      boolean letter = Character.isLetter(cp);
      out.appendCodePoint(capitalNext && letter ? Character.toTitleCase(cp) : cp);
      capitalNext = capitalNext && !letter;
      lettersInPart = letter ? lettersInPart + 1 : lettersInPart;
      if (cp == '-' || cp == '\'') {
        capitalNext = cp == '-' || lettersInPart == 1;
        lettersInPart = 0;
      }
    }
    return out.toString();
  }

  /** The match key of a name: accent-folded, lower-case letters only. */
  static String key(String name) {
    String folded = Text.fold(name);
    StringBuilder out = new StringBuilder(folded.length());
    folded.codePoints().filter(Character::isLetter).forEach(out::appendCodePoint);
    return out.toString();
  }
}
