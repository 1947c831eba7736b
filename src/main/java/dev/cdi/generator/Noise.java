package dev.cdi.generator;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The elementary noise functions applied to emitted values: keyboard typos, case changes, stray whitespace,
 * accents dropped or added and email variants. Each function is pure given its random stream and returns its input
 * unchanged when it cannot apply (too short, no candidate position).
 */
final class Noise {

  private static final String[] QWERTY_ROWS = {"qwertyuiop", "asdfghjkl", "zxcvbnm"};
  private static final Map<Character, String> NEIGHBOURS = neighbours();
  private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");
  private static final String PLAIN_VOWELS = "aeiou";
  private static final String ACUTE_VOWELS = "áéíóú";
  private static final String[] PLUS_TAGS = {"shop", "news", "deals", "orders", "promo", "2024"};

  private Noise() {
  }

  /** One random keyboard typo: transposition, deletion, neighbouring-key substitution or duplication. */
  static String typo(SplittableRandom r, String s) {
    return switch (r.nextInt(4)) {
      case 0 -> transpose(r, s);
      case 1 -> deleteChar(r, s);
      case 2 -> substituteNeighbour(r, s);
      default -> duplicateChar(r, s);
    };
  }

  /** Swaps two adjacent, different characters (Jonh for John). */
  static String transpose(SplittableRandom r, String s) {
    int pairs = s.length() - 1;
    if (pairs < 1) {
      return s;
    }
    int start = r.nextInt(pairs);
    for (int k = 0; k < pairs; k++) {
      int i = (start + k) % pairs;
      if (s.charAt(i) != s.charAt(i + 1)) {
        return s.substring(0, i) + s.charAt(i + 1) + s.charAt(i) + s.substring(i + 2);
      }
    }
    return s;
  }

  /** Drops one character after the first (Jhn for John); strings under 3 characters are kept. */
  static String deleteChar(SplittableRandom r, String s) {
    if (s.length() < 3) {
      return s;
    }
    int i = 1 + r.nextInt(s.length() - 1);
    return s.substring(0, i) + s.substring(i + 1);
  }

  /** Replaces one letter by a neighbouring key on a QWERTY keyboard, keeping its case (Jphn for John). */
  static String substituteNeighbour(SplittableRandom r, String s) {
    return replaceOne(r, s, c -> {
      String candidates = NEIGHBOURS.get(Character.toLowerCase(c));
      if (candidates == null) {
        return null;
      }
      char replacement = candidates.charAt(r.nextInt(candidates.length()));
      return Character.isUpperCase(c) ? Character.toUpperCase(replacement) : replacement;
    });
  }

  /**
   * Replaces the first character, scanning cyclically from a random position, for which {@code replacement}
   * gives a non-null character; returns {@code s} unchanged when there is none.
   */
  private static String replaceOne(SplittableRandom r, String s, Function<Character, Character> replacement) {
    int n = s.length();
    if (n == 0) {
      return s;
    }
    int start = r.nextInt(n);
    for (int k = 0; k < n; k++) {
      int i = (start + k) % n;
      Character replaced = replacement.apply(s.charAt(i));
      if (replaced != null) {
        return s.substring(0, i) + replaced + s.substring(i + 1);
      }
    }
    return s;
  }

  /** Types one character twice (Johhn for John). */
  static String duplicateChar(SplittableRandom r, String s) {
    if (s.isEmpty()) {
      return s;
    }
    int i = r.nextInt(s.length());
    return s.substring(0, i + 1) + s.charAt(i) + s.substring(i + 1);
  }

  /** ALL CAPS or all lower case, half and half. */
  static String changeCase(SplittableRandom r, String s) {
    return r.nextBoolean() ? s.toUpperCase(Locale.ROOT) : s.toLowerCase(Locale.ROOT);
  }

  /** Adds a leading, trailing or doubled inner space. */
  static String strayWhitespace(SplittableRandom r, String s) {
    int space = s.indexOf(' ');
    return switch (r.nextInt(3)) {
      case 0 -> " " + s;
      case 1 -> s + " ";
      default -> space > 0 ? s.substring(0, space) + " " + s.substring(space) : s + "  ";
    };
  }

  /** Removes diacritics: García to Garcia, Müller to Muller. */
  static String stripAccents(String s) {
    String decomposed = Normalizer.normalize(s.replace("ß", "ss"), Normalizer.Form.NFD);
    return COMBINING_MARKS.matcher(decomposed).replaceAll("");
  }

  /** German-style transliteration of umlauts (Müller to Mueller), other accents stripped. */
  static String transliterate(String s) {
    String spelled = s.replace("ä", "ae").replace("ö", "oe").replace("ü", "ue")
        .replace("Ä", "Ae").replace("Ö", "Oe").replace("Ü", "Ue");
    return stripAccents(spelled);
  }

  /** Puts an acute accent on one lower-case vowel (Jose to José, Rene to René). */
  static String addAccent(SplittableRandom r, String s) {
    return replaceOne(r, s, c -> {
      int vowel = PLAIN_VOWELS.indexOf(c);
      return vowel >= 0 ? ACUTE_VOWELS.charAt(vowel) : null;
    });
  }

  /** Accented names lose their accents (a quarter transliterated); plain names gain one. */
  static String toggleAccents(SplittableRandom r, String s) {
    if (!isAscii(s)) {
      return r.nextInt(4) == 0 ? transliterate(s) : stripAccents(s);
    }
    return addAccent(r, s);
  }

  /** Gmail ignores dots: removes the dots of a gmail local part, or inserts one. Other addresses unchanged. */
  static String gmailDots(SplittableRandom r, String email) {
    int at = email.indexOf('@');
    if (at < 2 || !email.substring(at + 1).equalsIgnoreCase("gmail.com")) {
      return email;
    }
    String local = email.substring(0, at);
    if (local.indexOf('.') >= 0) {
      return local.replace(".", "") + email.substring(at);
    }
    int i = 1 + r.nextInt(local.length() - 1);
    return local.substring(0, i) + "." + local.substring(i) + email.substring(at);
  }

  /** Sub-addressing: {@code john@x.com} to {@code john+shop@x.com}. */
  static String plusTag(SplittableRandom r, String email) {
    int at = email.indexOf('@');
    if (at < 1) {
      return email;
    }
    return email.substring(0, at) + "+" + PLUS_TAGS[r.nextInt(PLUS_TAGS.length)] + email.substring(at);
  }

  /** Upper case, or capitalized local part and domain ({@code John.smith@Gmail.com}). */
  static String emailCase(SplittableRandom r, String email) {
    if (r.nextBoolean()) {
      return email.toUpperCase(Locale.ROOT);
    }
    int at = email.indexOf('@');
    if (at < 1 || at == email.length() - 1) {
      return email.toUpperCase(Locale.ROOT);
    }
    return capitalize(email.substring(0, at)) + "@" + capitalize(email.substring(at + 1));
  }

  /** One of the email variants above, gmail dots only for gmail addresses. */
  static String emailVariant(SplittableRandom r, String email) {
    boolean gmail = email.toLowerCase(Locale.ROOT).endsWith("@gmail.com");
    return switch (r.nextInt(3)) {
      case 0 -> gmail ? gmailDots(r, email) : plusTag(r, email);
      case 1 -> plusTag(r, email);
      default -> emailCase(r, email);
    };
  }

  static boolean isAscii(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) > 127) {
        return false;
      }
    }
    return true;
  }

  private static String capitalize(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  private static Map<Character, String> neighbours() {
    Map<Character, String> map = new HashMap<>();
    for (int row = 0; row < QWERTY_ROWS.length; row++) {
      String keys = QWERTY_ROWS[row];
      for (int i = 0; i < keys.length(); i++) {
        StringBuilder near = new StringBuilder();
        if (i > 0) {
          near.append(keys.charAt(i - 1));
        }
        if (i < keys.length() - 1) {
          near.append(keys.charAt(i + 1));
        }
        map.put(keys.charAt(i), near.toString());
      }
    }
    return Map.copyOf(map);
  }
}
