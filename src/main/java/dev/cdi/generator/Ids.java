package dev.cdi.generator;

import java.util.UUID;

/**
 * Record identifiers. Every id is a pure function of (seed, person index, ordinal) and is unique by construction:
 * a linear function of the key, or a bijective scramble of it rendered without loss. The documented capacity
 * limits (e.g. 312 million persons for order ids) are far above what one run generates.
 */
final class Ids {

  private static final char[] BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();
  private static final long MASK62 = (1L << 62) - 1;
  private static final long TEN_POW_10 = 10_000_000_000L;
  private static final long TEN_POW_12 = 1_000_000_000_000L;

  private Ids() {
  }

  /** {@code P0000001} for person index 0; at least 7 digits. */
  static String personId(long personIndex) {
    return "P" + zeroPad(personIndex + 1, 7);
  }

  /** The household id is named after its first member: {@code H0000001}. */
  static String householdId(long firstMemberIndex) {
    return "H" + zeroPad(firstMemberIndex + 1, 7);
  }

  /** Salesforce-like: {@code 003} + 15 base-62 characters of a bijective hash of (person, k), k in {0, 1}. */
  static String crmContactId(long seed, long personIndex, int k) {
    long hashed = Rng.mix64((personIndex * 2 + k) ^ salt(seed, 1));
    return "003" + base62(hashed, 15);
  }

  /** E-commerce account number; k in {0, 1}. */
  static long accountId(long personIndex, int k) {
    return 100_000L + personIndex * 2 + k;
  }

  /** {@code ORD-} + 10 digits, a permutation of (person * 32 + k), k < 32; unique for up to 312 million persons. */
  static String orderId(long seed, long personIndex, int k) {
    long key = personIndex * 32 + k;
    return "ORD-" + zeroPad(permute(key, TEN_POW_10, seed), 10);
  }

  /** ESP subscriber id: 16 hex digits of a bijective hash of the person index. */
  static String subscriberId(long seed, long personIndex) {
    return hex16(Rng.mix64(personIndex ^ salt(seed, 2)));
  }

  /** ESP event id: 16 hex digits; ordinal < 4096. */
  static String emailEventId(long seed, long personIndex, int ordinal) {
    return hex16(Rng.mix64(((personIndex << 12) | ordinal) ^ salt(seed, 3)));
  }

  /** Help-desk ticket number; k in {0, 1, 2}. */
  static long ticketId(long personIndex, int k) {
    return 50_001L + personIndex * 3 + k;
  }

  /** 12-digit loyalty card number: 11 digits + Luhn check digit. */
  static String loyaltyNo(long personIndex) {
    String body = zeroPad(60_000_000_000L + personIndex, 11);
    return body + luhnDigit(body);
  }

  /** POS transaction number: 12 digits, a permutation of (person * 32 + k); k < 32. */
  static String txnId(long seed, long personIndex, int k) {
    return zeroPad(permute(personIndex * 32 + k, TEN_POW_12, seed), 12);
  }

  /** Web cookie id {@code ck_} + 16 hex digits; k < 4. */
  static String cookieId(long seed, long personIndex, int k) {
    return "ck_" + hex16(Rng.mix64(((personIndex << 2) | k) ^ salt(seed, 4)));
  }

  /** Mobile app user id {@code u_} + 9 digits. */
  static String appUserId(long seed, long personIndex) {
    return "u_" + (100_000_000L + permute(personIndex, 900_000_000L, seed));
  }

  /** A version-4-shaped UUID, unique per (kind, key) for keys below 2^62. */
  static String uuid(long seed, int kind, long key) {
    long salted = key ^ (salt(seed, 10 + kind) & MASK62);
    long low = mix62(salted) | 0x8000_0000_0000_0000L;
    long high = (Rng.mix64(salted + kind) & ~0xF000L) | 0x4000L;
    return new UUID(high, low).toString();
  }

  /** A bijection on [0, 2^62): xor-shifts and odd multiplications modulo 2^62. */
  static long mix62(long x) {
    x &= MASK62;
    x ^= x >>> 31;
    x = (x * 0x7FB5D329728EA185L) & MASK62;
    x ^= x >>> 27;
    x = (x * 0x81DADEF4BC2DD44DL) & MASK62;
    return x ^ (x >>> 33);
  }

  /**
   * A seeded pseudo-random permutation of [0, modulus): a keyed bijective mixer on the smallest power-of-two
   * domain that holds the modulus, cycle-walked until the value falls below the modulus. Keys are taken modulo
   * the modulus.
   */
  static long permute(long key, long modulus, long seed) {
    int bits = Math.max(2, 64 - Long.numberOfLeadingZeros(modulus - 1));
    long mask = bits == 64 ? -1L : (1L << bits) - 1;
    long salt = Rng.mix64(seed ^ modulus) & mask;
    long x = Math.floorMod(key, modulus);
    do {
      x = mixBits(x, bits, mask, salt);
    } while (Long.compareUnsigned(x, modulus) >= 0);
    return x;
  }

  /** A bijection on [0, 2^bits): xor with a salt, xor-shifts and odd multiplications modulo 2^bits. */
  private static long mixBits(long x, int bits, long mask, long salt) {
    x = (x ^ salt) & mask;
    x ^= x >>> (bits / 2 + 1);
    x = (x * 0x9E3779B97F4A7C15L) & mask;
    x ^= x >>> (bits / 2);
    x = (x * 0xC2B2AE3D27D4EB4FL) & mask;
    return x ^ (x >>> (bits / 2 + 1));
  }

  static String zeroPad(long value, int width) {
    String digits = Long.toString(value);
    if (digits.length() >= width) {
      return digits;
    }
    return "0".repeat(width - digits.length()) + digits;
  }

  static String hex16(long value) {
    String hex = Long.toHexString(value);
    return "0".repeat(16 - hex.length()) + hex;
  }

  static String base62(long value, int width) {
    char[] out = new char[width];
    long rest = value;
    for (int i = width - 1; i >= 0; i--) {
      out[i] = BASE62[(int) Long.remainderUnsigned(rest, 62)];
      rest = Long.divideUnsigned(rest, 62);
    }
    return new String(out);
  }

  static int luhnDigit(String digits) {
    int sum = 0;
    boolean doubleIt = true;
    for (int i = digits.length() - 1; i >= 0; i--) {
      int d = digits.charAt(i) - '0';
      if (doubleIt) {
        d *= 2;
        if (d > 9) {
          d -= 9;
        }
      }
      sum += d;
      doubleIt = !doubleIt;
    }
    return (10 - sum % 10) % 10;
  }

  private static long salt(long seed, int kind) {
    return Rng.mix64(seed * 31 + kind);
  }
}
