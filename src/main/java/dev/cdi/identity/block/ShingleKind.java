package dev.cdi.identity.block;

/** How an attribute value is cut into shingles. */
public enum ShingleKind {
  /** Overlapping character q-grams of the value padded with {@link Shingler#BOUNDARY}: robust to typos. */
  QGRAMS,
  /** Whitespace-separated words: robust to word order. */
  TOKENS,
  /** The whole value (for example a postcode, or a date rendered yyyy-MM-dd): exact agreement only. */
  VALUE
}
