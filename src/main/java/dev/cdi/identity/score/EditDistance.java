package dev.cdi.identity.score;

/**
 * Damerau-Levenshtein distance in its optimal-string-alignment form: insertions, deletions, substitutions and
 * transpositions of adjacent characters each cost 1, and no substring is edited twice. Quadratic in the lengths,
 * which is fine for the short codes, names and dates it is used on.
 */
public final class EditDistance {

  private EditDistance() {
  }

  /** The optimal-string-alignment distance between two non-null strings. */
  public static int damerauLevenshtein(String a, String b) {
    int n = a.length();
    int m = b.length();
    int[][] d = new int[n + 1][m + 1];
    for (int i = 0; i <= n; i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= m; j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= n; i++) {
      for (int j = 1; j <= m; j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        int best = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          best = Math.min(best, d[i - 2][j - 2] + 1);
        }
        d[i][j] = best;
      }
    }
    return d[n][m];
  }

  /** Whether the strings are at most one edit (as above) apart; cheap length check first. */
  public static boolean withinOneEdit(String a, String b) {
    return Math.abs(a.length() - b.length()) <= 1 && damerauLevenshtein(a, b) <= 1;
  }
}
