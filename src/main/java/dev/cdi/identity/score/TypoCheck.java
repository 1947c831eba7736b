package dev.cdi.identity.score;

import java.io.Serializable;

/**
 * When two different values of a {@link ComparisonKind#STRING} comparison may be a typo of one another. A
 * misspelling is rare next to the value it misspells: a given typo of "mary" turns up in a small share of the
 * records that hold "mary". Two values that are both common relative to each other ("michael" and "michelle",
 * "john" and "joan") are two real values, so they get no similarity level (Jaro-Winkler or edit distance) and
 * fall to {@code else}; exact, nickname and swapped-column levels are unaffected.
 *
 * <p>The counts are the values' record counts in the data being resolved. The check needs evidence: a value held
 * by fewer than {@code minCount} records may always be a typo, so on small data the check rarely fires.
 *
 * @param minCount     the rarer value must be held by at least this many records (at least 2)
 * @param maxTypoShare the rarer value is taken for a typo while its count is at most this share of the commoner
 *                     value's count, in (0, 1)
 */
public record TypoCheck(int minCount, double maxTypoShare) implements Serializable {

  public TypoCheck {
    if (minCount < 2) {
      throw new IllegalArgumentException("typo_check.min_count must be at least 2, got " + minCount);
    }
    if (!(maxTypoShare > 0 && maxTypoShare < 1)) {
      throw new IllegalArgumentException("typo_check.max_typo_share must be in (0, 1), got " + maxTypoShare);
    }
  }

  /** Whether two different values held by {@code leftCount} and {@code rightCount} records are both real values. */
  public boolean bothReal(long leftCount, long rightCount) {
    long rarer = Math.min(leftCount, rightCount);
    long commoner = Math.max(leftCount, rightCount);
    return rarer >= minCount && rarer > maxTypoShare * commoner;
  }
}
