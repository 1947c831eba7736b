package dev.cdi.identity.score;

import dev.cdi.identity.score.ComparisonSpec.ValuePair;
import java.util.List;

/**
 * The level functions behind {@link ComparisonSpec#level}; pure Java, symmetric in left and right. Each walks the
 * levels from exact downwards and returns the first that holds, in the order {@link ComparisonSpec#levelLabels()}
 * lists them.
 */
final class LevelFunctions {

  static final int NULL = -1;
  static final int ELSE = 0;
  private static final int DATE_ONE_PART = 1;
  private static final int DATE_TRANSPOSED = 2;
  private static final int DATE_EXACT = 3;

  private LevelFunctions() {
  }

  static int exact(String left, String right) {
    if (left == null || right == null) {
      return NULL;
    }
    return left.equals(right) ? 1 : ELSE;
  }

  static int string(ComparisonSpec spec, ValuePair values) {
    String left = values.left();
    String right = values.right();
    if (left == null || right == null) {
      return NULL;
    }
    int level = spec.topLevel();
    if (left.equals(right)) {
      return level;
    }
    if (spec.hasNicknameLevel()) {
      level--;
      if (Nicknames.compatible(left, right)) {
        return level;
      }
    }
    boolean typoPossible = !spec.bothReal(values);
    if (spec.hasEditDistanceLevel()) {
      level--;
      if (typoPossible && EditDistance.withinOneEdit(left, right)) {
        return level;
      }
    }
    List<Double> thresholds = spec.similarityThresholds();
    int met = typoPossible ? firstMet(thresholds, JaroWinkler.similarity(left, right)) : -1;
    if (met >= 0) {
      return level - 1 - met;
    }
    level -= thresholds.size();
    if (spec.hasCrossColumn() && (left.equals(values.rightCross()) || right.equals(values.leftCross()))) {
      return level - 1;
    }
    return ELSE;
  }

  static int date(String left, String right) {
    if (left == null || right == null) {
      return NULL;
    }
    if (left.equals(right)) {
      return DATE_EXACT;
    }
    if (isYyyymmdd(left) && isYyyymmdd(right)) {
      if (dayMonthTransposed(left, right)) {
        return DATE_TRANSPOSED;
      }
      if (differingParts(left, right) == 1) {
        return DATE_ONE_PART;
      }
    }
    return EditDistance.withinOneEdit(left, right) ? DATE_ONE_PART : ELSE;
  }

  static int tokens(ComparisonSpec spec, String left, String right) {
    if (left == null || right == null) {
      return NULL;
    }
    int level = spec.topLevel();
    if (left.equals(right)) {
      return level;
    }
    List<Double> similarity = spec.similarityThresholds();
    int met = firstMet(similarity, JaroWinkler.similarity(left, right));
    if (met >= 0) {
      return level - 1 - met;
    }
    level -= similarity.size();
    met = firstMet(spec.overlapThresholds(), TokenOverlap.jaccard(left, right));
    return met >= 0 ? level - 1 - met : ELSE;
  }

  /** Index of the first (highest) threshold that {@code score} reaches, or -1 if none. */
  private static int firstMet(List<Double> decreasing, double score) {
    for (int i = 0; i < decreasing.size(); i++) {
      if (score >= decreasing.get(i)) {
        return i;
      }
    }
    return -1;
  }

  private static boolean dayMonthTransposed(String left, String right) {
    return left.regionMatches(0, right, 0, 4) && left.regionMatches(4, right, 6, 2)
        && left.regionMatches(6, right, 4, 2);
  }

  /** How many of year (0-4), month (4-6) and day (6-8) differ. */
  private static int differingParts(String left, String right) {
    int differing = 0;
    int[] starts = {0, 4, 6, 8};
    for (int part = 0; part < 3; part++) {
      int from = starts[part];
      if (!left.regionMatches(from, right, from, starts[part + 1] - from)) {
        differing++;
      }
    }
    return differing;
  }

  private static boolean isYyyymmdd(String value) {
    if (value.length() != 8) {
      return false;
    }
    for (int i = 0; i < 8; i++) {
      if (!Character.isDigit(value.charAt(i))) {
        return false;
      }
    }
    return true;
  }
}
