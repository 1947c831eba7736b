package dev.cdi.identity.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class FellegiSunterModelTest {

  static final ComparisonSpec EMAIL = ComparisonSpec.exact("email", "email_key");
  static final ComparisonSpec FAMILY = ComparisonSpec.string("family", "family_name", List.of(0.9))
      .with(ComparisonOption.TF_ADJUST);

  /** λ = 0.2; email m (0.2, 0.8) u (0.99, 0.01); family m (0.1, 0.1, 0.8) u (0.9, 0.06, 0.04). */
  static FellegiSunterModel model() {
    return new FellegiSunterModel(0.2, List.of(
        new ComparisonParameters(EMAIL, List.of(0.2, 0.8), List.of(0.99, 0.01)),
        new ComparisonParameters(FAMILY, List.of(0.1, 0.1, 0.8), List.of(0.9, 0.06, 0.04))), 7,
        Convergence.CONVERGED);
  }

  @Test
  void weightsAreLog2BayesFactors() {
    FellegiSunterModel model = model();
    assertEquals(-2.0, model.priorWeight(), 1e-12);
    ComparisonParameters email = model.parameters().get(0);
    assertEquals(Math.log(80) / Math.log(2), email.weight(1), 1e-12);
    assertEquals(Math.log(0.2 / 0.99) / Math.log(2), email.weight(0), 1e-12);
    assertEquals(0.0, email.weight(-1));
    ComparisonParameters family = model.parameters().get(1);
    assertEquals(Math.log(0.8 / 0.001) / Math.log(2), family.exactWeight(0.001, 1e-6), 1e-12);
    assertEquals(Math.log(0.8 / 1e-4) / Math.log(2), family.exactWeight(1e-9, 1e-4), 1e-12);
    assertEquals(-2.0 + Math.log(80) / Math.log(2) + Math.log(0.1 / 0.06) / Math.log(2),
        model.matchWeight(List.of(1, 1)), 1e-12);
    assertEquals(-2.0, model.matchWeight(List.of(-1, -1)), 1e-12);
  }

  @Test
  void probabilityOfAWeight() {
    assertEquals(0.5, FellegiSunterModel.probability(0.0), 1e-12);
    assertEquals(2.0 / 3, FellegiSunterModel.probability(1.0), 1e-12);
    assertEquals(0.2, FellegiSunterModel.probability(-2.0), 1e-12);
  }

  @Test
  void describeListsEveryLevel() {
    String text = model().describe();
    assertTrue(text.startsWith("Fellegi-Sunter model: lambda=0.200000 (prior weight -2.00), 7 EM iterations, "
        + "CONVERGED"), text);
    assertTrue(text.contains("  family (STRING on family_name, tf-adjusted)"), text);
    assertTrue(text.contains("     2 exact                        m=0.800000 u=0.040000 weight=+4.32"), text);
    assertTrue(text.contains("     1 jaro_winkler>=0.9            m=0.100000 u=0.060000 weight=+0.74"), text);
    assertTrue(text.contains("    -1 null                         weight=+0.00"), text);
  }

  @Test
  void parametersAreValidated() {
    assertEquals("comparison email has 2 levels, got 3 m and 2 u values", assertThrows(
        IllegalArgumentException.class, () -> new ComparisonParameters(EMAIL, List.of(0.1, 0.1, 0.8),
            List.of(0.9, 0.1))).getMessage());
    assertEquals("comparison email level 0: m must be in (0, 1] and u in (0, 1), got m=0.0 u=0.9", assertThrows(
        IllegalArgumentException.class, () -> new ComparisonParameters(EMAIL, List.of(0.0, 1.0),
            List.of(0.9, 0.1))).getMessage());
    assertEquals("lambda must be in (0, 1), got 0.0", assertThrows(IllegalArgumentException.class,
        () -> new FellegiSunterModel(0.0, model().parameters(), 1, Convergence.CONVERGED)).getMessage());
  }

  @Test
  void uProbabilitiesAreLaplaceSmoothedLevelShares() {
    assertEquals(List.of(1.0 / 13, 4.0 / 13, 8.0 / 13), UProbabilities.laplace(new long[] {0, 3, 7}));
    Comparisons comparisons = Comparisons.of(EMAIL, FAMILY);
    UProbabilities u = UProbabilities.fromPatterns(List.of(
        new GammaPattern(List.of(0, 0), 6), new GammaPattern(List.of(1, -1), 2),
        new GammaPattern(List.of(-1, 2), 1)), comparisons);
    assertEquals(9, u.sampledPairs());
    assertEquals(List.of(7.0 / 10, 3.0 / 10), u.of(0));
    assertEquals(List.of(7.0 / 10, 1.0 / 10, 2.0 / 10), u.of(1));
  }
}
