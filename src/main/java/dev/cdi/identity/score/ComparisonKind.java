package dev.cdi.identity.score;

/** How a {@link ComparisonSpec} grades the agreement of two values; see each constant for its levels. */
public enum ComparisonKind {
  /** Levels: -1 null, 0 else, 1 exact. For keys such as email, phone, postcode or national id. */
  EXACT,
  /**
   * Levels (bottom to top): 0 else, [swapped with the cross column], one per Jaro-Winkler threshold from the lowest
   * to the highest, [Damerau-Levenshtein distance at most 1], [nickname], exact. For names and short codes.
   */
  STRING,
  /**
   * Levels: 0 else, 1 one of year, month or day differs (or one edit of the yyyymmdd text), 2 day and month
   * transposed, 3 exact. Values are compared as yyyymmdd text.
   */
  DATE,
  /**
   * Levels (bottom to top): 0 else, one per token-set Jaccard threshold from the lowest to the highest, one per
   * Jaro-Winkler threshold from the lowest to the highest, exact. For addresses.
   */
  TOKENS
}
