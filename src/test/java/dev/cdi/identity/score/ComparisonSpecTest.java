package dev.cdi.identity.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ComparisonSpecTest {

  @Test
  void levelLabelsPerKind() {
    assertEquals(List.of("else", "exact"), ComparisonSpec.exact("email", "email_key").levelLabels());
    assertEquals(List.of("else", "swapped_with_family_name", "jaro_winkler>=0.8", "jaro_winkler>=0.92",
        "edit_distance<=1", "exact"), ComparisonSpec.string("given", "given_name", List.of(0.92, 0.80))
        .withCrossColumn("family_name").with(ComparisonOption.EDIT_DISTANCE_LEVEL).levelLabels());
    assertEquals(List.of("else", "one_part_differs", "day_month_transposed", "exact"),
        ComparisonSpec.date("dob", "birth_date").levelLabels());
    assertEquals(List.of("else", "jaccard>=0.5", "jaccard>=0.75", "jaro_winkler>=0.9", "exact"),
        ComparisonSpec.tokens("address", "address_key", List.of(0.9), List.of(0.75, 0.5)).levelLabels());
    assertEquals(3, ComparisonSpec.date("dob", "birth_date").topLevel());
  }

  @Test
  void topLevelIsTheLastLabel() {
    List<ComparisonSpec> specs = List.of(
        ComparisonSpec.exact("a", "a"),
        ComparisonSpec.string("b", "b", List.of()),
        ComparisonSpec.string("c", "c", List.of(0.9, 0.8, 0.7)).withCrossColumn("x"),
        ComparisonSpec.string("d", "d", List.of(0.9)).with(ComparisonOption.EDIT_DISTANCE_LEVEL),
        ComparisonSpec.string("h", "h", List.of(0.9)).with(ComparisonOption.NICKNAME_LEVEL),
        ComparisonSpec.date("e", "e"),
        ComparisonSpec.tokens("f", "f", List.of(), List.of(0.5)),
        ComparisonSpec.tokens("g", "g", List.of(0.95, 0.9), List.of(0.7, 0.5)));
    List<Integer> tops = List.of(1, 1, 5, 3, 3, 3, 2, 5);
    for (int i = 0; i < specs.size(); i++) {
      assertEquals(tops.get(i), specs.get(i).topLevel(), specs.get(i).name());
      assertEquals(specs.get(i).levelLabels().size() - 1, specs.get(i).topLevel(), specs.get(i).name());
    }
  }

  @Test
  void optionsAreCumulativeAndQueryable() {
    ComparisonSpec spec = ComparisonSpec.string("family", "family_name", List.of(0.9))
        .with(ComparisonOption.TF_ADJUST).with(ComparisonOption.EDIT_DISTANCE_LEVEL);
    assertTrue(spec.tfAdjusted());
    assertTrue(spec.hasEditDistanceLevel());
    assertFalse(spec.hasCrossColumn());
    assertEquals(Set.of(ComparisonOption.TF_ADJUST, ComparisonOption.EDIT_DISTANCE_LEVEL), spec.options());
  }

  @Test
  void invalidSpecsAreRejectedWithClearMessages() {
    assertEquals("comparison.name must match [a-z][a-z0-9_]*, got 'Given Name'", assertThrows(
        IllegalArgumentException.class, () -> ComparisonSpec.exact("Given Name", "x")).getMessage());
    assertEquals("comparison given: similarity_thresholds must be strictly decreasing values in (0, 1), got "
        + "[0.8, 0.92]", assertThrows(IllegalArgumentException.class,
            () -> ComparisonSpec.string("given", "given_name", List.of(0.8, 0.92))).getMessage());
    assertEquals("comparison a: overlap_thresholds must be strictly decreasing values in (0, 1), got [1.0]",
        assertThrows(IllegalArgumentException.class,
            () -> ComparisonSpec.tokens("a", "address", List.of(), List.of(1.0))).getMessage());
    assertEquals("comparison dob: cross_column applies to STRING only, got kind DATE", assertThrows(
        IllegalArgumentException.class, () -> ComparisonSpec.date("dob", "birth_date").withCrossColumn("x"))
        .getMessage());
    assertEquals("comparison email: EDIT_DISTANCE_LEVEL applies to STRING only, got kind EXACT", assertThrows(
        IllegalArgumentException.class, () -> ComparisonSpec.exact("email", "email_key")
            .with(ComparisonOption.EDIT_DISTANCE_LEVEL)).getMessage());
    assertEquals("comparison dob: NICKNAME_LEVEL applies to STRING only, got kind DATE", assertThrows(
        IllegalArgumentException.class, () -> ComparisonSpec.date("dob", "birth_date")
            .with(ComparisonOption.NICKNAME_LEVEL)).getMessage());
    assertEquals("comparison g: cross_column must be a different column, got 'given_name'", assertThrows(
        IllegalArgumentException.class, () -> ComparisonSpec.string("g", "given_name", List.of())
            .withCrossColumn("given_name")).getMessage());
    assertEquals("comparison g: column must not be blank", assertThrows(IllegalArgumentException.class,
        () -> ComparisonSpec.exact("g", " ")).getMessage());
  }

  @Test
  void comparisonsNeedUniqueNamesAndListTheirColumns() {
    ComparisonSpec given = ComparisonSpec.string("given", "given_name", List.of(0.9)).withCrossColumn("family_name");
    ComparisonSpec family = ComparisonSpec.string("family", "family_name", List.of(0.9))
        .with(ComparisonOption.TF_ADJUST);
    Comparisons comparisons = Comparisons.of(given, family);
    assertEquals(List.of("given_name", "family_name"), comparisons.recordColumns());
    assertEquals(List.of("g_given", "g_family"), comparisons.gammaColumns());
    assertEquals(List.of("tf_family"), comparisons.tfColumns());
    assertEquals("comparison names must be unique, got 'given' twice", assertThrows(IllegalArgumentException.class,
        () -> Comparisons.of(given, given)).getMessage());
    assertEquals("comparisons must not be empty", assertThrows(IllegalArgumentException.class,
        Comparisons::of).getMessage());
  }

  @Test
  void settingsAreValidated() {
    assertEquals("u.max_pairs must be >= 1, got 0", assertThrows(IllegalArgumentException.class,
        () -> new RandomPairSettings(0, 1)).getMessage());
    assertEquals("em.max_iterations must be >= 1, got 0", assertThrows(IllegalArgumentException.class,
        () -> new EmSettings(0, 1e-4, 0.1, 0.9, 1e-6)).getMessage());
    assertEquals("em.initial_lambda must be in (0, 1), got 1.0", assertThrows(IllegalArgumentException.class,
        () -> new EmSettings(10, 1e-4, 1.0, 0.9, 1e-6)).getMessage());
    assertEquals("em.min_probability must be in (0, 0.01], got 0.0", assertThrows(IllegalArgumentException.class,
        () -> new EmSettings(10, 1e-4, 0.1, 0.9, 0.0)).getMessage());
    assertEquals("score.tf_minimum_u must be in (0, 1), got 0.0", assertThrows(IllegalArgumentException.class,
        () -> new ScoreSettings(0.0)).getMessage());
  }

  @Test
  void randomPairSampleSizeFitsMaxPairs() {
    assertEquals(2, new RandomPairSettings(1, 0).sampleRecords());
    assertEquals(3, new RandomPairSettings(3, 0).sampleRecords());
    assertEquals(3, new RandomPairSettings(5, 0).sampleRecords());
    assertEquals(30, new RandomPairSettings(435, 0).sampleRecords());
    assertEquals(1414, new RandomPairSettings(1_000_000, 0).sampleRecords());
  }
}
