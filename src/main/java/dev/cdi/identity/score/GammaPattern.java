package dev.cdi.identity.score;

import java.util.List;

/**
 * One distinct combination of comparison levels and how many pairs have it.
 *
 * @param levels one level per comparison, in {@link Comparisons} order (-1 for null)
 * @param count  number of pairs, >= 0
 */
public record GammaPattern(List<Integer> levels, long count) {

  public GammaPattern {
    levels = List.copyOf(levels);
    if (count < 0) {
      throw new IllegalArgumentException("pattern count must be >= 0, got " + count);
    }
  }

  /** Orders patterns by their levels, lexicographically, so results do not depend on collection order. */
  static int compareLevels(GammaPattern a, GammaPattern b) {
    for (int i = 0; i < Math.min(a.levels.size(), b.levels.size()); i++) {
      int c = Integer.compare(a.levels.get(i), b.levels.get(i));
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(a.levels.size(), b.levels.size());
  }
}
