package dev.cdi.identity.score;

import java.util.ArrayList;
import java.util.List;

/**
 * Per comparison, the probability of each level 0..top among non-matching (random) pairs, Laplace-smoothed so no
 * level is 0.
 *
 * @param levels       one list per comparison, in {@link Comparisons} order, index = level; each sums to 1
 * @param sampledPairs number of random pairs the estimate is based on
 */
public record UProbabilities(List<List<Double>> levels, long sampledPairs) {

  public UProbabilities {
    levels = levels.stream().map(List::copyOf).toList();
    for (List<Double> distribution : levels) {
      double sum = 0;
      for (double u : distribution) {
        if (!(u > 0 && u < 1)) {
          throw new IllegalArgumentException("u-probabilities must be in (0, 1), got " + distribution);
        }
        sum += u;
      }
      if (Math.abs(sum - 1) > 1e-9) {
        throw new IllegalArgumentException("u-probabilities must sum to 1, got " + distribution);
      }
    }
  }

  /** Add-one smoothed level distributions of {@code patterns}: u = (count + 1) / (total + levels). */
  public static UProbabilities fromPatterns(List<GammaPattern> patterns, Comparisons comparisons) {
    long[][] counts = GammaPatterns.levelCounts(patterns, comparisons);
    List<List<Double>> levels = new ArrayList<>();
    for (long[] perLevel : counts) {
      levels.add(laplace(perLevel));
    }
    long pairs = patterns.stream().mapToLong(GammaPattern::count).sum();
    return new UProbabilities(levels, pairs);
  }

  /** (count + 1) / (total + number of levels) per level. */
  static List<Double> laplace(long[] counts) {
    long total = 0;
    for (long c : counts) {
      total += c;
    }
    List<Double> smoothed = new ArrayList<>(counts.length);
    for (long c : counts) {
      smoothed.add((c + 1.0) / (total + counts.length));
    }
    return smoothed;
  }

  /** The u-probabilities of one comparison. */
  public List<Double> of(int comparison) {
    return levels.get(comparison);
  }
}
