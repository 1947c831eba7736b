package dev.cdi.identity.block;

import java.io.Serializable;

/**
 * The MinHash keys of one {@link Shingler}'s shingles, computed without building the shingle strings: the FNV-1a
 * state of the prefix is computed once and continued over each q-gram, token or value, so the key of every shingle
 * equals {@link MinHasher#shingleKey} of the string {@link Shingler#shingles} would give (for a keyed shingler the
 * state continues over the key value and its separator first). Repeated shingles give repeated keys, which a MinHash
 * ignores.
 */
final class ShingleHasher implements Serializable {

  private static final long serialVersionUID = 1L;

  private final ShingleKind kind;
  private final int q;
  private final long prefixState;

  ShingleHasher(Shingler shingler) {
    this.kind = shingler.kind();
    this.q = shingler.q();
    String prefix = shingler.prefix();
    this.prefixState = Hashing.fnv(Hashing.fnvStart(), prefix, 0, prefix.length());
  }

  /** An upper bound of the keys {@link #addKeys} writes for a normalized, non-empty value. */
  int maxKeys(String text) {
    return switch (kind) {
      case QGRAMS -> text.length() + q - 1;
      case TOKENS -> text.length() / 2 + 1;
      case VALUE -> 1;
    };
  }

  /**
   * Writes the keys of a normalized, non-empty value from {@code keys[at]} on; returns the next free index.
   *
   * @param key the normalized, non-empty key value of a keyed shingler; null for an unkeyed one
   */
  int addKeys(String text, String key, long[] keys, int at) {
    long start = key == null ? prefixState
        : Hashing.fnv(Hashing.fnv(prefixState, key, 0, key.length()), Shingler.KEY_SEPARATOR);
    return switch (kind) {
      case QGRAMS -> addQgrams(start, text, keys, at);
      case TOKENS -> addTokens(start, text, keys, at);
      case VALUE -> put(keys, at, Hashing.fnv(start, text, 0, text.length()));
    };
  }

  private int addQgrams(long start, String text, long[] keys, int at) {
    int pad = q - 1;
    int padded = text.length() + 2 * pad;
    int next = at;
    for (int from = 0; from + q <= padded; from++) {
      long state = start;
      for (int i = from; i < from + q; i++) {
        int inText = i - pad;
        state = Hashing.fnv(state, inText < 0 || inText >= text.length() ? Shingler.BOUNDARY : text.charAt(inText));
      }
      next = put(keys, next, state);
    }
    return next;
  }

  private static int addTokens(long start, String text, long[] keys, int at) {
    int next = at;
    int from = 0;
    for (int i = 0; i <= text.length(); i++) {
      if (i == text.length() || text.charAt(i) == ' ') {
        next = put(keys, next, Hashing.fnv(start, text, from, i));
        from = i + 1;
      }
    }
    return next;
  }

  private static int put(long[] keys, int at, long fnvState) {
    keys[at] = MinHasher.keyOf(fnvState);
    return at + 1;
  }
}
