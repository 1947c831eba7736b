package dev.cdi.silver.standardize;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;

/**
 * Text helpers shared by the standardizers. {@link #clean} turns every kind of Unicode whitespace (tabs, line
 * breaks, no-break and ideographic spaces) into a plain space, deletes other control characters and invisible format
 * characters (zero-width space, byte order mark, direction marks), collapses runs of spaces and trims; blank input
 * gives null. {@link #fold} gives the accent-free lower-case form used in match
 * keys: lower-case, compatibility decomposition (NFKD, so full-width letters and ligatures become plain letters),
 * combining marks dropped, and letters that do not decompose spelled out (ß to ss, æ to ae, ø to o, ł to l ...).
 */
final class Text {

  private static final Map<Integer, String> SPELLED_OUT = Map.ofEntries(
      Map.entry((int) 'ß', "ss"), Map.entry((int) 'æ', "ae"), Map.entry((int) 'œ', "oe"), Map.entry((int) 'ø', "o"),
      Map.entry((int) 'ł', "l"), Map.entry((int) 'đ', "d"), Map.entry((int) 'ð', "d"), Map.entry((int) 'þ', "th"),
      Map.entry((int) 'ı', "i"), Map.entry((int) 'ħ', "h"), Map.entry((int) 'ŧ', "t"), Map.entry((int) 'ŋ', "n"));

  private Text() {
  }

  /** Whitespace-collapsed, trimmed text; null for null or blank input. */
  static String clean(String raw) {
    if (raw == null) {
      return null;
    }
    StringBuilder out = new StringBuilder(Math.min(raw.length(), 1024));
    boolean pendingSpace = false;
    for (int i = 0; i < raw.length(); ) {
      int cp = raw.codePointAt(i);
      i += Character.charCount(cp);
      if (isSpace(cp)) {
        pendingSpace = out.length() > 0;
      } else if (!isInvisible(cp)) {
        if (pendingSpace) {
          out.append(' ');
          pendingSpace = false;
        }
        out.appendCodePoint(cp);
      }
    }
    return out.length() == 0 ? null : out.toString();
  }

  private static boolean isSpace(int cp) {
    return Character.isWhitespace(cp) || Character.isSpaceChar(cp);
  }

  private static boolean isInvisible(int cp) {
    int type = Character.getType(cp);
    return type == Character.CONTROL || type == Character.FORMAT;
  }

  /** Lower-case, accent-free form of {@code text}; characters other than letters are kept as they are. */
  static String fold(String text) {
    String decomposed = Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFKD);
    StringBuilder out = new StringBuilder(decomposed.length());
    decomposed.codePoints().forEach(cp -> {
      if (!isMark(cp)) {
        String spelled = SPELLED_OUT.get(cp);
        if (spelled != null) {
          out.append(spelled);
        } else {
          out.appendCodePoint(Character.toLowerCase(cp));
        }
      }
    });
    return out.toString();
  }

  /** True when {@code text} has a decimal digit of any script. */
  static boolean hasDigit(String text) {
    return text.codePoints().anyMatch(Character::isDigit);
  }

  /** True when {@code text} has a letter of any script. */
  static boolean hasLetter(String text) {
    return text.codePoints().anyMatch(Character::isLetter);
  }

  private static boolean isMark(int cp) {
    int type = Character.getType(cp);
    return type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK;
  }
}
