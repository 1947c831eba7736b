package dev.cdi.identity.score;

/** Optional behaviours of a {@link ComparisonSpec}. */
public enum ComparisonOption {
  /**
   * Term-frequency adjustment: on exact agreement the value's frequency among records replaces the exact level's
   * average u-probability, so agreeing on a rare value weighs more than agreeing on a common one.
   */
  TF_ADJUST,
  /** {@link ComparisonKind#STRING} only: a level for a Damerau-Levenshtein distance of 1, just below exact. */
  EDIT_DISTANCE_LEVEL,
  /**
   * {@link ComparisonKind#STRING} on given-name keys only: a level for names that can belong to one person by the
   * nickname table ({@link Nicknames}): one is a nickname of the other, or both are nicknames of one formal name
   * ({@code debbie} and {@code debra}, {@code sammy} and {@code samantha}). Just below exact.
   */
  NICKNAME_LEVEL
}
