package dev.cdi.identity.block;

import java.io.Serializable;

/**
 * The MinHash keys of one {@link Shingler}'s shingles, computed without building the shingle strings: the FNV-1a
 * state of the prefix is computed once and continued over each q-gram, token or value, so the key of every shingle
 * equals {@link MinHasher#shingleKey} of the string {@link Shingler#shingles} would give. Repeated shingles give
 * repeated keys, which a MinHash ignores.
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

  /** Writes the keys of a normalized, non-empty value from {@code keys[at]} on; returns the next free index. */
  int addKeys(String text, long[] keys, int at) {
    return switch (kind) {
      case QGRAMS -> addQgrams(text, keys, at);
      case TOKENS -> addTokens(text, keys, at);
      case VALUE -> put(keys, at, Hashing.fnv(prefixState, text, 0, text.length()));
    };
  }

  private int addQgrams(String text, long[] keys, int at) {
    int pad = q - 1;
    int padded = text.length() + 2 * pad;
    int next = at;
    for (int start = 0; start + q <= padded; start++) {
      long state = prefixState;
      for (int i = start; i < start + q; i++) {
        int inText = i - pad;
        state = Hashing.fnv(state, inText < 0 || inText >= text.length() ? Shingler.BOUNDARY : text.charAt(inText));
      }
      next = put(keys, next, state);
    }
    return next;
  }

  private int addTokens(String text, long[] keys, int at) {
    int next = at;
    int start = 0;
    for (int i = 0; i <= text.length(); i++) {
      if (i == text.length() || text.charAt(i) == ' ') {
        next = put(keys, next, Hashing.fnv(prefixState, text, start, i));
        start = i + 1;
      }
    }
    return next;
  }

  private static int put(long[] keys, int at, long fnvState) {
    keys[at] = MinHasher.keyOf(fnvState);
    return at + 1;
  }
}
