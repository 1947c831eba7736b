package dev.cdi.identity.block;

/** Stable 64-bit hashing (independent of the JVM, the platform and {@link String#hashCode}). */
final class Hashing {

  private static final long FNV_OFFSET = 0xcbf29ce484222325L;
  private static final long FNV_PRIME = 0x100000001b3L;
  private static final long GOLDEN = 0x9e3779b97f4a7c15L;

  private Hashing() {
  }

  /** MurmurHash3's 64-bit finaliser: a bijection with full avalanche. */
  static long fmix64(long value) {
    long k = value;
    k ^= k >>> 33;
    k *= 0xff51afd7ed558ccdL;
    k ^= k >>> 33;
    k *= 0xc4ceb9fe1a85ec53L;
    k ^= k >>> 33;
    return k;
  }

  /** FNV-1a over the UTF-16 code units, finalised with {@link #fmix64}. */
  static long hash64(String text) {
    return fmix64(fnv(FNV_OFFSET, text, 0, text.length()));
  }

  /** The FNV-1a state before any character. */
  static long fnvStart() {
    return FNV_OFFSET;
  }

  /** Continues an FNV-1a state with one character. */
  static long fnv(long state, char c) {
    return (state ^ c) * FNV_PRIME;
  }

  /** Continues an FNV-1a state with {@code text[from, to)}. */
  static long fnv(long state, String text, int from, int to) {
    long h = state;
    for (int i = from; i < to; i++) {
      h = fnv(h, text.charAt(i));
    }
    return h;
  }

  /** Order-sensitive combination of a running hash with one more value. */
  static long combine(long hash, long value) {
    return fmix64(hash ^ fmix64(value + GOLDEN));
  }
}
