package dev.cdi.identity.score;

/** Optional behaviours of a {@link ComparisonSpec}. */
public enum ComparisonOption {
  /**
   * Term-frequency adjustment: on exact agreement the value's frequency among records replaces the exact level's
   * average u-probability, so agreeing on a rare value weighs more than agreeing on a common one.
   */
  TF_ADJUST,
  /** {@link ComparisonKind#STRING} only: a level for a Damerau-Levenshtein distance of 1, just below exact. */
  EDIT_DISTANCE_LEVEL
}
