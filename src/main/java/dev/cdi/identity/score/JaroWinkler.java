package dev.cdi.identity.score;

/**
 * Jaro-Winkler similarity in [0, 1] (Winkler's standard form: prefix scale 0.1, common prefix up to 4 characters,
 * boost applied at any Jaro value). Case-sensitive; callers pass standardized (lower-case) text. Null-safe: a null
 * on either side gives 0; two empty strings are identical (1), one empty string gives 0.
 */
public final class JaroWinkler {

  /** Weight of each common-prefix character. */
  public static final double PREFIX_SCALE = 0.1;
  /** Longest common prefix that earns the boost. */
  public static final int MAX_PREFIX = 4;

  private JaroWinkler() {
  }

  /** Jaro-Winkler similarity of {@code a} and {@code b}. */
  public static double similarity(String a, String b) {
    if (a == null || b == null) {
      return 0.0;
    }
    if (a.equals(b)) {
      return 1.0;
    }
    double jaro = jaro(a, b);
    return jaro + commonPrefix(a, b) * PREFIX_SCALE * (1.0 - jaro);
  }

  /** Plain Jaro similarity of two non-null strings. */
  static double jaro(String a, String b) {
    if (a.isEmpty() || b.isEmpty()) {
      return a.isEmpty() && b.isEmpty() ? 1.0 : 0.0;
    }
    int window = Math.max(0, Math.max(a.length(), b.length()) / 2 - 1);
    boolean[] matchedA = new boolean[a.length()];
    boolean[] matchedB = new boolean[b.length()];
    int matches = markMatches(a, b, window, matchedA, matchedB);
    if (matches == 0) {
      return 0.0;
    }
    double m = matches;
    int halfTranspositions = outOfOrder(a, b, matchedA, matchedB);
    return (m / a.length() + m / b.length() + (m - halfTranspositions / 2.0) / m) / 3.0;
  }

  private static int markMatches(String a, String b, int window, boolean[] matchedA, boolean[] matchedB) {
    int matches = 0;
    for (int i = 0; i < a.length(); i++) {
      int from = Math.max(0, i - window);
      int to = Math.min(b.length() - 1, i + window);
      for (int j = from; j <= to; j++) {
        if (!matchedB[j] && a.charAt(i) == b.charAt(j)) {
          matchedA[i] = true;
          matchedB[j] = true;
          matches++;
          break;
        }
      }
    }
    return matches;
  }

  private static int outOfOrder(String a, String b, boolean[] matchedA, boolean[] matchedB) {
    int count = 0;
    int j = 0;
    for (int i = 0; i < a.length(); i++) {
      if (!matchedA[i]) {
        continue;
      }
      while (!matchedB[j]) {
        j++;
      }
      if (a.charAt(i) != b.charAt(j)) {
        count++;
      }
      j++;
    }
    return count;
  }

  private static int commonPrefix(String a, String b) {
    int limit = Math.min(MAX_PREFIX, Math.min(a.length(), b.length()));
    int n = 0;
    while (n < limit && a.charAt(n) == b.charAt(n)) {
      n++;
    }
    return n;
  }
}
