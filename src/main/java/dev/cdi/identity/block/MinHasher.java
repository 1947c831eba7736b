package dev.cdi.identity.block;

import java.io.Serializable;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Seeded MinHash over 32-bit shingle keys. Hash function i is Dietzfelbinger's multiply-add-shift
 * {@code h_i(x) = (a_i * x + b_i) mod 2^64 >>> 32} with a_i odd and b_i drawn from {@link SplittableRandom}(seed):
 * a strongly universal family from 32-bit keys to 32-bit values, one multiply and one add per shingle and function.
 * The signature value i is the minimum of h_i over the record's shingles, so two sets agree on it with probability
 * close to their Jaccard similarity.
 */
final class MinHasher implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final long LOW_32_BITS = 0xffffffffL;

  private final long[] multipliers;
  private final long[] offsets;

  MinHasher(long seed, int count) {
    if (count < 1) {
      throw new IllegalArgumentException("MinHash function count must be >= 1, got " + count);
    }
    SplittableRandom random = new SplittableRandom(seed);
    multipliers = new long[count];
    offsets = new long[count];
    for (int i = 0; i < count; i++) {
      multipliers[i] = random.nextLong() | 1L;
      offsets[i] = random.nextLong();
    }
  }

  /** The 32-bit key of a shingle. */
  static long shingleKey(String shingle) {
    return keyOf(Hashing.fnv(Hashing.fnvStart(), shingle, 0, shingle.length()));
  }

  /** The 32-bit key of a shingle from the FNV-1a state after its last character. */
  static long keyOf(long fnvState) {
    long h = Hashing.fmix64(fnvState);
    return (h ^ (h >>> 32)) & LOW_32_BITS;
  }

  int size() {
    return multipliers.length;
  }

  /** The signature of a non-empty set of shingle keys (duplicates are harmless); values lie in [0, 2^32). */
  long[] signature(long[] shingleKeys) {
    return signature(shingleKeys, shingleKeys.length);
  }

  /** The signature of the first {@code count} keys of {@code shingleKeys}. */
  long[] signature(long[] shingleKeys, int count) {
    if (count == 0) {
      throw new IllegalArgumentException("a MinHash signature needs at least one shingle");
    }
    long[] signature = new long[multipliers.length];
    Arrays.fill(signature, Long.MAX_VALUE);
    for (int k = 0; k < count; k++) {
      long key = shingleKeys[k];
      for (int i = 0; i < signature.length; i++) {
        long value = (multipliers[i] * key + offsets[i]) >>> 32;
        if (value < signature[i]) {
          signature[i] = value;
        }
      }
    }
    return signature;
  }
}
