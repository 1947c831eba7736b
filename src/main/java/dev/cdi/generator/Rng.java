package dev.cdi.generator;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Deterministic randomness helpers. Every random choice of the generator comes from a {@link SplittableRandom}
 * whose seed is a hash of (run seed, {@link RngStream}, index), where the index is a person index or a household
 * block index. A person's data therefore depends only on the run seed and the person's index: never on
 * partitioning, task scheduling or the wall clock.
 */
final class Rng {

  private Rng() {
  }

  /** The SplitMix64 finalizer: a bijection on 64-bit values with good avalanche. */
  static long mix64(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** The random stream for one (seed, stream, index). */
  static SplittableRandom of(long seed, RngStream stream, long index) {
    return new SplittableRandom(mix64(mix64(seed ^ stream.salt()) + index));
  }

  /** True with probability {@code p} (never for p <= 0). */
  static boolean chance(SplittableRandom r, double p) {
    return r.nextDouble() < p;
  }

  /** A uniform int in [lo, hi], both inclusive. */
  static int between(SplittableRandom r, int lo, int hi) {
    return r.nextInt(lo, hi + 1);
  }

  static <T> T pick(SplittableRandom r, List<T> items) {
    return items.get(r.nextInt(items.size()));
  }

  @SafeVarargs
  static <T> T pickOf(SplittableRandom r, T... items) {
    return items[r.nextInt(items.length)];
  }

  /** An index drawn with the given (not necessarily normalized) weights; meant for short arrays. */
  static int weighted(SplittableRandom r, double... weights) {
    double total = 0;
    for (double w : weights) {
      total += w;
    }
    double u = r.nextDouble() * total;
    for (int i = 0; i < weights.length - 1; i++) {
      u -= weights[i];
      if (u < 0) {
        return i;
      }
    }
    return weights.length - 1;
  }

  /** {@code n} random decimal digits. */
  static String digits(SplittableRandom r, int n) {
    char[] out = new char[n];
    for (int i = 0; i < n; i++) {
      out[i] = (char) ('0' + r.nextInt(10));
    }
    return new String(out);
  }

  /** A small count from a geometric-like distribution: P(k) proportional to ratio^k for k in [min, max]. */
  static int skewed(SplittableRandom r, int min, int max, double ratio) {
    int k = min;
    while (k < max && r.nextDouble() < ratio) {
      k++;
    }
    return k;
  }
}
