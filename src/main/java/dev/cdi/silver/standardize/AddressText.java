package dev.cdi.silver.standardize;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Turns one address field into lower-case, accent-folded words. Dots and apostrophes are deleted ({@code St.},
 * {@code P.O.}, {@code O'Connell}), except that a dot directly followed by a letter separates words after a word of
 * two or more letters ({@code St.Louis}); {@code #} stands alone as a unit marker ({@code #4B} gives {@code # 4b});
 * {@code /} and {@code -} are kept between digits (house numbers {@code 12/3}, {@code 123-45}), a hyphen between a
 * digit and a letter is deleted ({@code 4-B} gives {@code 4b}); every other character that is not a letter or digit
 * becomes a space. Fields longer than {@value #MAX_FIELD} characters give no words.
 */
final class AddressText {

  static final int MAX_FIELD = 500;

  private AddressText() {
  }

  /** The words of {@code raw}, as a modifiable list; empty for blank or overlong input. */
  static List<String> words(String raw) {
    String text = Text.clean(raw);
    if (text == null || text.length() > MAX_FIELD) {
      return new ArrayList<>();
    }
    String normalized = normalize(Text.fold(text)).strip();
    return normalized.isEmpty() ? new ArrayList<>() : new ArrayList<>(Arrays.asList(normalized.split(" +")));
  }

  private static String normalize(String folded) {
    StringBuilder out = new StringBuilder(folded.length());
    for (int i = 0; i < folded.length(); i++) {
      char c = folded.charAt(i);
      if (Character.isLetterOrDigit(c)) {
        out.append(c);
      } else if (c == '#') {
        out.append(" # ");
      } else {
        out.append(replacement(folded, i, out));
      }
    }
    return out.toString();
  }

  private static String replacement(String s, int i, StringBuilder done) {
    char c = s.charAt(i);
    boolean digitBefore = i > 0 && Character.isDigit(s.charAt(i - 1));
    boolean letterBefore = i > 0 && Character.isLetter(s.charAt(i - 1));
    boolean digitAfter = i + 1 < s.length() && Character.isDigit(s.charAt(i + 1));
    boolean letterAfter = i + 1 < s.length() && Character.isLetter(s.charAt(i + 1));
    if ((c == '/' || c == '-') && digitBefore && digitAfter) {
      return String.valueOf(c);
    }
    if (c == '-' && (digitBefore && letterAfter || letterBefore && digitAfter)) {
      return "";
    }
    if (c == '.') {
      return letterAfter && lastWordLength(done) >= 2 ? " " : "";
    }
    return c == '\'' || c == '\u2019' ? "" : " ";
  }

  private static int lastWordLength(StringBuilder done) {
    int n = 0;
    for (int i = done.length() - 1; i >= 0 && Character.isLetterOrDigit(done.charAt(i)); i--) {
      n++;
    }
    return n;
  }
}
