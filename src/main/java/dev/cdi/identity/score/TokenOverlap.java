package dev.cdi.identity.score;

import java.util.HashSet;
import java.util.Set;

/** Jaccard overlap of the whitespace-separated token sets of two strings (order and repeats ignored). */
public final class TokenOverlap {

  private TokenOverlap() {
  }

  /**
   * |A ∩ B| / |A ∪ B| for the token sets A and B of {@code a} and {@code b}: 1 when both have no tokens, 0 when
   * exactly one has none.
   */
  public static double jaccard(String a, String b) {
    Set<String> left = tokens(a);
    Set<String> right = tokens(b);
    if (left.isEmpty() || right.isEmpty()) {
      return left.isEmpty() && right.isEmpty() ? 1.0 : 0.0;
    }
    int common = 0;
    for (String token : left) {
      if (right.contains(token)) {
        common++;
      }
    }
    return (double) common / (left.size() + right.size() - common);
  }

  private static Set<String> tokens(String text) {
    Set<String> tokens = new HashSet<>();
    for (String token : text.strip().split("\\s+")) {
      if (!token.isEmpty()) {
        tokens.add(token);
      }
    }
    return tokens;
  }
}
