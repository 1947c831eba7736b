package dev.cdi.identity.block;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class MinHasherTest {

  private static long[] keys(int fromInclusive, int toExclusive) {
    return IntStream.range(fromInclusive, toExclusive).mapToLong(i -> MinHasher.shingleKey("s" + i)).toArray();
  }

  private static double agreement(long[] a, long[] b) {
    return (double) IntStream.range(0, a.length).filter(i -> a[i] == b[i]).count() / a.length;
  }

  @Test
  void sameSeedSameSignatureWhateverTheOrderOrRepeats() {
    long[] keys = keys(0, 20);
    long[] shuffled = LongStream.concat(Arrays.stream(keys).sorted(), Arrays.stream(keys)).toArray();
    MinHasher hasher = new MinHasher(42L, 64);
    assertArrayEquals(hasher.signature(keys), new MinHasher(42L, 64).signature(shuffled));
    assertFalse(Arrays.equals(hasher.signature(keys), new MinHasher(43L, 64).signature(keys)));
    assertEquals(64, hasher.size());
  }

  @Test
  void valuesAreUnsigned32Bit() {
    for (long value : new MinHasher(1L, 256).signature(keys(0, 5))) {
      assertTrue(value >= 0 && value < (1L << 32), "value " + value);
    }
  }

  @Test
  void agreementEstimatesJaccard() {
    MinHasher hasher = new MinHasher(7L, 2000);
    long[] a = hasher.signature(keys(0, 100));
    assertEquals(1.0 / 3, agreement(a, hasher.signature(keys(50, 150))), 0.04, "|A & B| / |A | B| = 50 / 150");
    assertEquals(0.8, agreement(a, hasher.signature(keys(0, 80))), 0.04, "80 / 100");
    assertEquals(0.0, agreement(a, hasher.signature(keys(1000, 1100))), "disjoint sets");
    assertEquals(1.0, agreement(a, hasher.signature(keys(0, 100))), "identical sets");
  }

  @Test
  void rejectsEmptySetsAndZeroFunctions() {
    MinHasher hasher = new MinHasher(1L, 4);
    assertThrows(IllegalArgumentException.class, () -> hasher.signature(new long[0]));
    assertThrows(IllegalArgumentException.class, () -> new MinHasher(1L, 0));
  }
}
