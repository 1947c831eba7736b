package dev.cdi.identity.score;

import java.io.Serializable;

/**
 * How u-probabilities sample random record pairs.
 *
 * @param maxPairs at most this many random pairs are compared, >= 1
 * @param seed     seeds the hash ordering that picks the sampled records
 */
public record RandomPairSettings(long maxPairs, long seed) implements Serializable {

  public static final RandomPairSettings DEFAULTS = new RandomPairSettings(1_000_000L, 42L);

  public RandomPairSettings {
    if (maxPairs < 1) {
      throw new IllegalArgumentException("u.max_pairs must be >= 1, got " + maxPairs);
    }
  }

  /** The largest n with n (n - 1) / 2 <= maxPairs: how many records to sample so their pairs fit. */
  public int sampleRecords() {
    long n = (long) Math.floor((1 + Math.sqrt(1 + 8.0 * maxPairs)) / 2);
    while (n * (n - 1) / 2 > maxPairs) {
      n--;
    }
    return (int) Math.min(n, Integer.MAX_VALUE);
  }
}
