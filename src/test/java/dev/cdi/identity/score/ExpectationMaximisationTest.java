package dev.cdi.identity.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** EM on exact pattern counts of a known two-class mixture (no Spark) recovers the mixture's m and λ. */
class ExpectationMaximisationTest {

  private static final Comparisons COMPARISONS = Comparisons.of(
      ComparisonSpec.exact("email", "email_key"),
      ComparisonSpec.string("given", "given_name", List.of(0.92, 0.80)),
      ComparisonSpec.date("dob", "birth_date"),
      ComparisonSpec.tokens("address", "address_key", List.of(0.9), List.of(0.6)));
  private static final double[][] M = {
      {0.15, 0.85}, {0.05, 0.05, 0.15, 0.75}, {0.04, 0.06, 0.05, 0.85}, {0.10, 0.10, 0.20, 0.60}};
  private static final double[][] U = {
      {0.995, 0.005}, {0.90, 0.06, 0.03, 0.01}, {0.97, 0.02, 0.0005, 0.0095}, {0.95, 0.03, 0.015, 0.005}};
  /** Probability that a comparison is null, the same for matches and non-matches. */
  private static final double[] NULL_RATE = {0.3, 0.05, 0.1, 0.0};
  private static final double LAMBDA = 0.3;
  private static final double PAIRS = 1e9;

  @Test
  void recoversMAndLambdaFromAnExactMixture() {
    EmSettings settings = EmSettings.DEFAULTS.withStopping(1000, 1e-9);
    FellegiSunterModel model = ExpectationMaximisation.estimate(COMPARISONS, mixture(), uProbabilities(), settings);

    assertEquals(Convergence.CONVERGED, model.convergence());
    assertEquals(LAMBDA, model.lambda(), 0.01);
    for (int k = 0; k < M.length; k++) {
      List<Double> m = model.parameters().get(k).m();
      for (int level = 0; level < M[k].length; level++) {
        assertEquals(M[k][level], m.get(level), 0.01, "m of comparison " + k + " level " + level);
      }
      assertEquals(listOf(U[k]), model.parameters().get(k).u());
    }
  }

  @Test
  void resultDoesNotDependOnPatternOrder() {
    List<GammaPattern> reversed = new ArrayList<>(mixture());
    Collections.reverse(reversed);
    EmSettings settings = EmSettings.DEFAULTS.withStopping(30, 1e-9);
    assertEquals(ExpectationMaximisation.estimate(COMPARISONS, mixture(), uProbabilities(), settings),
        ExpectationMaximisation.estimate(COMPARISONS, reversed, uProbabilities(), settings));
  }

  @Test
  void frozenComparisonsKeepTheirMWhileTheOthersAndLambdaAreFitted() {
    EmSettings settings = EmSettings.DEFAULTS.withStopping(1000, 1e-9);
    FellegiSunterModel truth = ExpectationMaximisation.estimate(COMPARISONS, mixture(), uProbabilities(), settings);
    List<ComparisonParameters> start = new ArrayList<>(truth.parameters());
    ComparisonParameters email = start.get(0);
    start.set(0, new ComparisonParameters(email.spec(), List.of(0.5, 0.5), email.u()));
    FellegiSunterModel from = new FellegiSunterModel(0.1, start, 0, Convergence.MAX_ITERATIONS);

    FellegiSunterModel emailFrozen = ExpectationMaximisation.estimate(COMPARISONS, mixture(), uProbabilities(),
        settings, from, Set.of("email"));
    assertEquals(List.of(0.5, 0.5), emailFrozen.parameters().get(0).m(), "the frozen comparison is untouched");
    assertEquals(M[1][3], emailFrozen.parameters().get(1).m().get(3), 0.02, "the others are still fitted");

    FellegiSunterModel allFrozen = ExpectationMaximisation.estimate(COMPARISONS, mixture(), uProbabilities(),
        settings, truth.withLambda(0.05), Set.of("email", "given", "dob", "address"));
    for (int k = 0; k < M.length; k++) {
      assertEquals(truth.parameters().get(k).m(), allFrozen.parameters().get(k).m());
    }
    assertEquals(LAMBDA, allFrozen.lambda(), 0.01, "with every m frozen only lambda moves, to the mixture's");
  }

  @Test
  void priorOverAllPairsCountsThePairsOutsideTheCandidatesAsNonMatches() {
    Comparisons comparisons = Comparisons.of(ComparisonSpec.exact("email", "email_key"),
        ComparisonSpec.exact("name", "name_key"));
    UProbabilities u = new UProbabilities(List.of(List.of(1 - 1e-6, 1e-6), List.of(0.999, 0.001)), 1_000_000);
    List<ComparisonParameters> parameters = List.of(
        new ComparisonParameters(comparisons.get(0), List.of(0.05, 0.95), u.of(0)),
        new ComparisonParameters(comparisons.get(1), List.of(0.05, 0.95), u.of(1)));
    FellegiSunterModel fitted = new FellegiSunterModel(0.5, parameters, 3, Convergence.CONVERGED);
    // 100 pairs share an email (Bayes factor 950,000 each); 5,000 namesakes agree on the name alone (950 each),
    // as blocking on names proposes them; 900 agree on nothing
    List<GammaPattern> candidates = List.of(new GammaPattern(List.of(1, 1), 100),
        new GammaPattern(List.of(-1, 1), 5_000), new GammaPattern(List.of(-1, 0), 900));
    double allPairs = 1e7;

    FellegiSunterModel model = ExpectationMaximisation.priorOverAllPairs(comparisons, candidates, u, fitted,
        allPairs, EmSettings.DEFAULTS);

    assertEquals(Convergence.CONVERGED, model.convergence());
    assertEquals(fitted.parameters(), model.parameters(), "m and u are kept");
    double lambda = model.lambda();
    double expected = 100 * posterior(lambda, 0.95 / 1e-6 * 0.95 / 0.001) + 5_000 * posterior(lambda, 0.95 / 0.001)
        + 900 * posterior(lambda, 0.05 / 0.999);
    assertEquals(expected / allPairs, lambda, lambda * 1e-5, "λ is the fixed point over all pairs");
    assertTrue(lambda * allPairs > 100 && lambda * allPairs < 200, "the 100 sure matches and a few namesakes, got "
        + lambda * allPairs);
    FellegiSunterModel amongCandidates = ExpectationMaximisation.estimate(comparisons, candidates, u,
        EmSettings.DEFAULTS, fitted, Set.of("email", "name"));
    assertTrue(amongCandidates.lambda() * 6_000 > 4_000, "fitted among candidates, the namesakes count as matches");
    assertEquals("allPairs must be at least the 6000.0 candidate pairs, got 5000.0",
        assertThrows(IllegalArgumentException.class, () -> ExpectationMaximisation.priorOverAllPairs(comparisons,
            candidates, u, fitted, 5_000, EmSettings.DEFAULTS)).getMessage());
  }

  private static double posterior(double lambda, double bayesFactor) {
    return lambda * bayesFactor / (lambda * bayesFactor + 1 - lambda);
  }

  @Test
  void stopsAtTheIterationLimit() {
    EmSettings settings = EmSettings.DEFAULTS.withStopping(2, 1e-12);
    FellegiSunterModel model = ExpectationMaximisation.estimate(COMPARISONS, mixture(), uProbabilities(), settings);
    assertEquals(2, model.iterations());
    assertEquals(Convergence.MAX_ITERATIONS, model.convergence());
  }

  @Test
  void startsFromTheDocumentedDefaultM() {
    double[][] m = ExpectationMaximisation.initialM(COMPARISONS, EmSettings.DEFAULTS);
    assertEquals(0.1, m[0][0], 1e-12);
    assertEquals(0.9, m[0][1], 1e-12);
    assertEquals(0.1 / 3, m[1][0], 1e-12);
    assertEquals(0.9, m[1][3], 1e-12);
  }

  @Test
  void rejectsEmptyInputAndOutOfRangeLevels() {
    assertEquals("EM needs at least one candidate pair, got no patterns with a count", assertThrows(
        IllegalArgumentException.class, () -> ExpectationMaximisation.estimate(COMPARISONS, List.of(),
            uProbabilities(), EmSettings.DEFAULTS)).getMessage());
    List<GammaPattern> bad = List.of(new GammaPattern(List.of(2, 0, 0, 0), 5));
    assertEquals("comparison email has levels -1..1, got 2", assertThrows(IllegalArgumentException.class,
        () -> ExpectationMaximisation.estimate(COMPARISONS, bad, uProbabilities(), EmSettings.DEFAULTS))
        .getMessage());
  }

  /** Expected pair counts of every level pattern (nulls included) under the mixture, rounded. */
  private static List<GammaPattern> mixture() {
    List<GammaPattern> patterns = new ArrayList<>();
    addPatterns(new ArrayList<>(), patterns);
    return patterns;
  }

  private static void addPatterns(List<Integer> prefix, List<GammaPattern> out) {
    int k = prefix.size();
    if (k == M.length) {
      long count = Math.round(PAIRS * (LAMBDA * probability(prefix, M) + (1 - LAMBDA) * probability(prefix, U)));
      if (count > 0) {
        out.add(new GammaPattern(prefix, count));
      }
      return;
    }
    for (int level = -1; level < M[k].length; level++) {
      prefix.add(level);
      addPatterns(prefix, out);
      prefix.remove(prefix.size() - 1);
    }
  }

  private static double probability(List<Integer> levels, double[][] perLevel) {
    double p = 1;
    for (int k = 0; k < levels.size(); k++) {
      int level = levels.get(k);
      p *= level < 0 ? NULL_RATE[k] : (1 - NULL_RATE[k]) * perLevel[k][level];
    }
    return p;
  }

  private static UProbabilities uProbabilities() {
    List<List<Double>> u = new ArrayList<>();
    for (double[] levels : U) {
      u.add(listOf(levels));
    }
    return new UProbabilities(u, 1_000_000);
  }

  private static List<Double> listOf(double[] values) {
    List<Double> list = new ArrayList<>();
    for (double v : values) {
      list.add(v);
    }
    return list;
  }
}
