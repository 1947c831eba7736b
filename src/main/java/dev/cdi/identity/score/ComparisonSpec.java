package dev.cdi.identity.score;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One attribute comparison: how two records' values of {@code column} are graded into a small-int level.
 *
 * <p>Level convention, shared by every kind: -1 means either side is null (the comparison then contributes weight
 * 0), 0 means disagreement, higher levels mean stronger agreement, and the top level ({@link #topLevel()}) is exact
 * equality. {@link #levelLabels()} names the levels 0..top; {@link ComparisonKind} lists each kind's levels.
 *
 * @param name                  comparison name, {@code [a-z][a-z0-9_]*}; output columns are {@code g_<name>} and
 *                              {@code tf_<name>}
 * @param column                record column compared
 * @param kind                  how values are graded
 * @param similarityThresholds  Jaro-Winkler thresholds, strictly decreasing, each in (0, 1); STRING and TOKENS only
 * @param overlapThresholds     token-set Jaccard thresholds, strictly decreasing, each in (0, 1); TOKENS only
 * @param crossColumn           STRING only, or null: a level for "this record's value equals the other record's
 *                              crossColumn, in either direction" (swapped given and family names)
 * @param options               optional behaviours
 * @param onlyWithout           null, or the name of another comparison: this one then counts only for pairs where
 *                              that one has no value (level -1), so the two do not count the same evidence twice
 *                              (a postcode inside a full address)
 * @param typoCheck             STRING only, or null: similarity levels only for values that may be a typo of one
 *                              another by their record counts ({@link TypoCheck})
 */
public record ComparisonSpec(String name, String column, ComparisonKind kind, List<Double> similarityThresholds,
    List<Double> overlapThresholds, String crossColumn, Set<ComparisonOption> options, String onlyWithout,
    TypoCheck typoCheck) implements Serializable {

  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");

  public ComparisonSpec {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("comparison.name must match [a-z][a-z0-9_]*, got '" + name + "'");
    }
    if (column == null || column.isBlank()) {
      throw new IllegalArgumentException("comparison " + name + ": column must not be blank");
    }
    if (kind == null) {
      throw new IllegalArgumentException("comparison " + name + ": kind must be set");
    }
    similarityThresholds = List.copyOf(similarityThresholds);
    overlapThresholds = List.copyOf(overlapThresholds);
    options = options.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(options));
    checkThresholds(name, "similarity_thresholds", similarityThresholds);
    checkThresholds(name, "overlap_thresholds", overlapThresholds);
    checkKindParameters(name, kind, similarityThresholds, overlapThresholds, crossColumn, options);
    if (crossColumn != null && (crossColumn.isBlank() || crossColumn.equals(column))) {
      throw new IllegalArgumentException("comparison " + name + ": cross_column must be a different column, got '"
          + crossColumn + "'");
    }
    if (typoCheck != null && kind != ComparisonKind.STRING) {
      throw new IllegalArgumentException("comparison " + name + ": typo_check applies to STRING only, got kind "
          + kind);
    }
    if (onlyWithout != null && (onlyWithout.isBlank() || onlyWithout.equals(name))) {
      throw new IllegalArgumentException("comparison " + name + ": only_without must name another comparison, got '"
          + onlyWithout + "'");
    }
  }

  /** Exact comparison: null / else / exact. */
  public static ComparisonSpec exact(String name, String column) {
    return new ComparisonSpec(name, column, ComparisonKind.EXACT, List.of(), List.of(), null, Set.of(), null, null);
  }

  /** String comparison with the given Jaro-Winkler thresholds (strictly decreasing, may be empty). */
  public static ComparisonSpec string(String name, String column, List<Double> similarityThresholds) {
    return new ComparisonSpec(name, column, ComparisonKind.STRING, similarityThresholds, List.of(), null, Set.of(),
        null, null);
  }

  /** Date comparison (DateType, or yyyymmdd text). */
  public static ComparisonSpec date(String name, String column) {
    return new ComparisonSpec(name, column, ComparisonKind.DATE, List.of(), List.of(), null, Set.of(), null, null);
  }

  /** Address-style comparison with Jaro-Winkler and token-set Jaccard thresholds (each strictly decreasing). */
  public static ComparisonSpec tokens(String name, String column, List<Double> similarityThresholds,
      List<Double> overlapThresholds) {
    return new ComparisonSpec(name, column, ComparisonKind.TOKENS, similarityThresholds, overlapThresholds, null,
        Set.of(), null, null);
  }

  /** A copy with the swapped-columns level against {@code otherColumn} (STRING only). */
  public ComparisonSpec withCrossColumn(String otherColumn) {
    return new ComparisonSpec(name, column, kind, similarityThresholds, overlapThresholds, otherColumn, options,
        onlyWithout, typoCheck);
  }

  /** A copy with {@code option} switched on. */
  public ComparisonSpec with(ComparisonOption option) {
    Set<ComparisonOption> more = EnumSet.of(option);
    more.addAll(options);
    return new ComparisonSpec(name, column, kind, similarityThresholds, overlapThresholds, crossColumn, more,
        onlyWithout, typoCheck);
  }

  /** A copy that counts only for pairs where comparison {@code other} has no value (level -1). */
  public ComparisonSpec onlyWithout(String other) {
    return new ComparisonSpec(name, column, kind, similarityThresholds, overlapThresholds, crossColumn, options,
        other, typoCheck);
  }

  /** A copy whose similarity levels apply only to values that may be a typo of one another ({@link TypoCheck}). */
  public ComparisonSpec withTypoCheck(TypoCheck check) {
    return new ComparisonSpec(name, column, kind, similarityThresholds, overlapThresholds, crossColumn, options,
        onlyWithout, check);
  }

  /** Whether exact agreement is term-frequency adjusted. */
  public boolean tfAdjusted() {
    return options.contains(ComparisonOption.TF_ADJUST);
  }

  /** Whether the STRING kind has its Damerau-Levenshtein level. */
  public boolean hasEditDistanceLevel() {
    return options.contains(ComparisonOption.EDIT_DISTANCE_LEVEL);
  }

  /** Whether the STRING kind has its nickname level. */
  public boolean hasNicknameLevel() {
    return options.contains(ComparisonOption.NICKNAME_LEVEL);
  }

  /** Whether there is a swapped-columns level. */
  public boolean hasCrossColumn() {
    return crossColumn != null;
  }

  /**
   * The exact-agreement level; levels run 0..topLevel, plus -1 for null. Computed without building the labels, as
   * the level functions call it for every pair; it always equals {@code levelLabels().size() - 1}.
   */
  public int topLevel() {
    return switch (kind) {
      case EXACT -> 1;
      case STRING -> 1 + (hasCrossColumn() ? 1 : 0) + similarityThresholds.size() + (hasEditDistanceLevel() ? 1 : 0)
          + (hasNicknameLevel() ? 1 : 0);
      case DATE -> 3;
      case TOKENS -> 1 + overlapThresholds.size() + similarityThresholds.size();
    };
  }

  /** Names of levels 0..{@link #topLevel()}, index = level. */
  public List<String> levelLabels() {
    List<String> labels = new ArrayList<>();
    labels.add("else");
    switch (kind) {
      case EXACT -> { }
      case STRING -> {
        if (hasCrossColumn()) {
          labels.add("swapped_with_" + crossColumn);
        }
        addAscending(labels, "jaro_winkler>=", similarityThresholds);
        if (hasEditDistanceLevel()) {
          labels.add("edit_distance<=1");
        }
        if (hasNicknameLevel()) {
          labels.add("nickname");
        }
      }
      case DATE -> {
        labels.add("one_part_differs");
        labels.add("day_month_transposed");
      }
      case TOKENS -> {
        addAscending(labels, "jaccard>=", overlapThresholds);
        addAscending(labels, "jaro_winkler>=", similarityThresholds);
      }
    }
    labels.add("exact");
    return List.copyOf(labels);
  }

  /** The level of a pair without cross-column values (see {@link #level(String, String, String, String)}). */
  public int level(String left, String right) {
    return level(left, right, null, null);
  }

  /**
   * The level of a pair of values; {@code leftCross}/{@code rightCross} are the records' {@link #crossColumn}
   * values and are ignored unless the spec has one. DATE values are yyyymmdd text.
   */
  public int level(String left, String right, String leftCross, String rightCross) {
    return level(new ValuePair(left, right, leftCross, rightCross, 0, 0));
  }

  /**
   * The level of a pair of values with their record counts (used by the {@link #typoCheck}; 0 when unknown, which
   * lets any near-miss be a typo). DATE values are yyyymmdd text.
   */
  public int level(ValuePair values) {
    String left = values.left();
    String right = values.right();
    return switch (kind) {
      case EXACT -> LevelFunctions.exact(left, right);
      case STRING -> LevelFunctions.string(this, values);
      case DATE -> LevelFunctions.date(left, right);
      case TOKENS -> LevelFunctions.tokens(this, left, right);
    };
  }

  /**
   * One pair's values for a comparison: the compared column, if any the cross column, and the values' record counts
   * (0 when not known).
   */
  public record ValuePair(String left, String right, String leftCross, String rightCross, long leftCount,
                          long rightCount) {
  }

  /** Whether the two values count as real, distinct values rather than a possible typo ({@link #typoCheck}). */
  boolean bothReal(ValuePair values) {
    return typoCheck != null && typoCheck.bothReal(values.leftCount(), values.rightCount());
  }

  private static void addAscending(List<String> labels, String prefix, List<Double> decreasing) {
    for (int i = decreasing.size() - 1; i >= 0; i--) {
      labels.add(prefix + decreasing.get(i));
    }
  }

  private static void checkThresholds(String name, String what, List<Double> thresholds) {
    double previous = Double.POSITIVE_INFINITY;
    for (double t : thresholds) {
      if (!(t > 0 && t < 1) || t >= previous) {
        throw new IllegalArgumentException("comparison " + name + ": " + what
            + " must be strictly decreasing values in (0, 1), got " + thresholds);
      }
      previous = t;
    }
  }

  private static void checkKindParameters(String name, ComparisonKind kind, List<Double> similarity,
      List<Double> overlap, String crossColumn, Set<ComparisonOption> options) {
    boolean string = kind == ComparisonKind.STRING;
    boolean tokens = kind == ComparisonKind.TOKENS;
    if (!similarity.isEmpty() && !string && !tokens) {
      throw new IllegalArgumentException("comparison " + name + ": similarity_thresholds apply to STRING and "
          + "TOKENS only, got kind " + kind);
    }
    if (!overlap.isEmpty() && !tokens) {
      throw new IllegalArgumentException("comparison " + name + ": overlap_thresholds apply to TOKENS only, got kind "
          + kind);
    }
    if (crossColumn != null && !string) {
      throw new IllegalArgumentException("comparison " + name + ": cross_column applies to STRING only, got kind "
          + kind);
    }
    for (ComparisonOption stringOnly : List.of(ComparisonOption.EDIT_DISTANCE_LEVEL, ComparisonOption.NICKNAME_LEVEL)) {
      if (options.contains(stringOnly) && !string) {
        throw new IllegalArgumentException("comparison " + name + ": " + stringOnly + " applies to STRING only, "
            + "got kind " + kind);
      }
    }
  }
}
