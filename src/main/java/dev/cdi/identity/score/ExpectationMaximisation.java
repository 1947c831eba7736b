package dev.cdi.identity.score;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Unsupervised estimation of m-probabilities and the prior λ by expectation maximisation over the pattern counts
 * of the candidate pairs, on the driver, with u fixed. The model is the usual two-class mixture with conditional
 * independence: P(γ | match) = Π m_k[γ_k], P(γ | non-match) = Π u_k[γ_k], comparisons whose level is null (-1)
 * left out of both products.
 *
 * <p>Start: λ = {@link EmSettings#initialLambda()}; each comparison's exact level m = {@link
 * EmSettings#initialTopM()} and the remainder shared equally by its lower levels. Each iteration computes every
 * pattern's match posterior (E step), then λ as the mean posterior and m as posterior-weighted level shares (M step),
 * floored at {@link EmSettings#minProbability()} and renormalised. Stops when the largest change of any m or λ is
 * below the tolerance, or at the iteration limit. Pure Java and deterministic: patterns are processed in their
 * sorted order.
 */
public final class ExpectationMaximisation {

  private static final Logger LOG = LoggerFactory.getLogger(ExpectationMaximisation.class);

  static final double PRIOR_RELATIVE_TOLERANCE = 1e-6;
  static final int PRIOR_MAX_ITERATIONS = 10_000;

  private ExpectationMaximisation() {
  }

  /** Fits m and λ to {@code patterns} (counts of candidate-pair level patterns) with {@code u} fixed. */
  public static FellegiSunterModel estimate(Comparisons comparisons, List<GammaPattern> patterns, UProbabilities u,
      EmSettings settings) {
    return run(comparisons, patterns, u, settings,
        new Estimate(settings.initialLambda(), initialM(comparisons, settings)), new boolean[comparisons.size()]);
  }

  /**
   * Continues from {@code start}: λ and the m of every comparison not named in {@code frozen} are fitted to
   * {@code patterns}; frozen comparisons keep their m (they still weigh in the E step). Used to train each
   * comparison only on pairs that were not selected by its own column, and to fit λ alone with every m frozen.
   */
  public static FellegiSunterModel estimate(Comparisons comparisons, List<GammaPattern> patterns, UProbabilities u,
      EmSettings settings, FellegiSunterModel start, Set<String> frozen) {
    double[][] m = new double[comparisons.size()][];
    boolean[] fixed = new boolean[comparisons.size()];
    for (int k = 0; k < m.length; k++) {
      m[k] = start.parameters().get(k).m().stream().mapToDouble(Double::doubleValue).toArray();
      fixed[k] = frozen.contains(comparisons.get(k).name());
    }
    return run(comparisons, patterns, u, settings, new Estimate(start.lambda(), m), fixed);
  }

  /**
   * The prior over all {@code allPairs} record pairs with every m and u frozen: the fixed point of
   * λ = Σ count(γ) · P(match | γ, λ) / allPairs over the candidate patterns, every pair outside the candidates
   * counted as a non-match (the blocking assumption). This is the prior the u-probabilities call for: they are
   * estimated on random pairs, and a candidate set picked for agreeing names holds far more look-alike non-matches
   * (namesakes, relatives) than the u-probabilities expect, so a prior fitted among candidates alone comes out too
   * high. Iterates from "every candidate is a match", decreasing to the largest fixed point; stops when λ changes
   * by less than {@value #PRIOR_RELATIVE_TOLERANCE} of itself.
   */
  public static FellegiSunterModel priorOverAllPairs(Comparisons comparisons, List<GammaPattern> patterns,
      UProbabilities u, FellegiSunterModel model, double allPairs, EmSettings settings) {
    PatternTable table = PatternTable.of(comparisons, patterns);
    if (!(allPairs >= table.total)) {
      throw new IllegalArgumentException("allPairs must be at least the " + table.total + " candidate pairs, got "
          + allPairs);
    }
    double[][] uk = toArrays(comparisons, u);
    double[][] m = new double[comparisons.size()][];
    for (int k = 0; k < m.length; k++) {
      m[k] = model.parameters().get(k).m().stream().mapToDouble(Double::doubleValue).toArray();
    }
    double floor = settings.minProbability();
    Estimate current = new Estimate(Math.min(1 - floor, Math.max(floor, table.total / allPairs)), m);
    int iteration = 0;
    Convergence convergence = Convergence.MAX_ITERATIONS;
    while (iteration < PRIOR_MAX_ITERATIONS) {
      iteration++;
      double[] posterior = expectation(table, current, uk);
      double matches = 0;
      for (int p = 0; p < posterior.length; p++) {
        matches += table.counts[p] * posterior[p];
      }
      double lambda = Math.min(1 - floor, Math.max(floor, matches / allPairs));
      double change = Math.abs(lambda - current.lambda) / current.lambda;
      current = new Estimate(lambda, m);
      if (change < PRIOR_RELATIVE_TOLERANCE) {
        convergence = Convergence.CONVERGED;
        break;
      }
    }
    LOG.info("prior over all {} record pairs {} after {} iteration(s): lambda={} ({} expected matching pairs among"
        + " {} candidates)", (long) allPairs, convergence, iteration, current.lambda,
        String.format("%.0f", current.lambda * allPairs), (long) table.total);
    return current.toModel(comparisons, u, iteration, convergence);
  }

  private static FellegiSunterModel run(Comparisons comparisons, List<GammaPattern> patterns, UProbabilities u,
      EmSettings settings, Estimate start, boolean[] frozen) {
    PatternTable table = PatternTable.of(comparisons, patterns);
    double[][] uk = toArrays(comparisons, u);
    Estimate current = start;
    int iteration = 0;
    Convergence convergence = Convergence.MAX_ITERATIONS;
    while (iteration < settings.maxIterations()) {
      iteration++;
      double[] posterior = expectation(table, current, uk);
      Estimate next = maximisation(table, posterior, current, settings, frozen);
      double change = next.largestChangeFrom(current);
      current = next;
      LOG.debug("EM iteration {}: lambda={} largest parameter change {}", iteration, current.lambda, change);
      if (change < settings.tolerance()) {
        convergence = Convergence.CONVERGED;
        break;
      }
    }
    LOG.info("EM {} after {} iteration(s) over {} patterns ({} pairs): lambda={}", convergence, iteration,
        table.levels.length, table.total, current.lambda);
    return current.toModel(comparisons, u, iteration, convergence);
  }

  /** Exact level: initialTopM; lower levels share the rest equally. */
  static double[][] initialM(Comparisons comparisons, EmSettings settings) {
    double[][] m = new double[comparisons.size()][];
    for (int k = 0; k < comparisons.size(); k++) {
      int top = comparisons.get(k).topLevel();
      m[k] = new double[top + 1];
      Arrays.fill(m[k], (1 - settings.initialTopM()) / top);
      m[k][top] = settings.initialTopM();
    }
    return m;
  }

  private static double[] expectation(PatternTable table, Estimate estimate, double[][] u) {
    double logPrior = Math.log(estimate.lambda) - Math.log(1 - estimate.lambda);
    double[] posterior = new double[table.levels.length];
    for (int p = 0; p < posterior.length; p++) {
      double logRatio = logPrior;
      int[] levels = table.levels[p];
      for (int k = 0; k < levels.length; k++) {
        if (levels[k] >= 0) {
          logRatio += Math.log(estimate.m[k][levels[k]]) - Math.log(u[k][levels[k]]);
        }
      }
      posterior[p] = 1.0 / (1.0 + Math.exp(-logRatio));
    }
    return posterior;
  }

  private static Estimate maximisation(PatternTable table, double[] posterior, Estimate previous,
      EmSettings settings, boolean[] frozen) {
    double[][] weighted = new double[previous.m.length][];
    for (int k = 0; k < weighted.length; k++) {
      weighted[k] = new double[previous.m[k].length];
    }
    double matches = 0;
    for (int p = 0; p < posterior.length; p++) {
      double w = table.counts[p] * posterior[p];
      matches += w;
      int[] levels = table.levels[p];
      for (int k = 0; k < levels.length; k++) {
        if (levels[k] >= 0) {
          weighted[k][levels[k]] += w;
        }
      }
    }
    double floor = settings.minProbability();
    double lambda = Math.min(1 - floor, Math.max(floor, matches / table.total));
    double[][] m = new double[weighted.length][];
    for (int k = 0; k < weighted.length; k++) {
      m[k] = frozen[k] ? previous.m[k].clone() : normalised(weighted[k], previous.m[k], floor);
    }
    return new Estimate(lambda, m);
  }

  /** Shares of {@code weighted}, each at least {@code floor}; the previous values if there is no mass at all. */
  private static double[] normalised(double[] weighted, double[] previous, double floor) {
    double sum = Arrays.stream(weighted).sum();
    if (!(sum > 0)) {
      return previous.clone();
    }
    double[] shares = new double[weighted.length];
    double flooredSum = 0;
    for (int level = 0; level < shares.length; level++) {
      shares[level] = Math.max(floor, weighted[level] / sum);
      flooredSum += shares[level];
    }
    for (int level = 0; level < shares.length; level++) {
      shares[level] /= flooredSum;
    }
    return shares;
  }

  private static double[][] toArrays(Comparisons comparisons, UProbabilities u) {
    if (u.levels().size() != comparisons.size()) {
      throw new IllegalArgumentException("expected u-probabilities for " + comparisons.size() + " comparisons, got "
          + u.levels().size());
    }
    double[][] out = new double[comparisons.size()][];
    for (int k = 0; k < out.length; k++) {
      List<Double> levels = u.of(k);
      if (levels.size() != comparisons.get(k).topLevel() + 1) {
        throw new IllegalArgumentException("comparison " + comparisons.get(k).name() + " has "
            + (comparisons.get(k).topLevel() + 1) + " levels, got u " + levels);
      }
      out[k] = levels.stream().mapToDouble(Double::doubleValue).toArray();
    }
    return out;
  }

  /** Patterns as arrays for the inner loops. */
  private record PatternTable(int[][] levels, double[] counts, double total) {

    static PatternTable of(Comparisons comparisons, List<GammaPattern> patterns) {
      GammaPatterns.checkLevels(patterns, comparisons);
      List<GammaPattern> sorted = new ArrayList<>(patterns);
      sorted.sort(GammaPattern::compareLevels);
      int[][] levels = new int[sorted.size()][];
      double[] counts = new double[sorted.size()];
      double total = 0;
      for (int p = 0; p < levels.length; p++) {
        levels[p] = sorted.get(p).levels().stream().mapToInt(Integer::intValue).toArray();
        counts[p] = sorted.get(p).count();
        total += counts[p];
      }
      if (!(total > 0)) {
        throw new IllegalArgumentException("EM needs at least one candidate pair, got no patterns with a count");
      }
      return new PatternTable(levels, counts, total);
    }
  }

  /** λ and m of one iteration. */
  private record Estimate(double lambda, double[][] m) {

    double largestChangeFrom(Estimate other) {
      double change = Math.abs(lambda - other.lambda);
      for (int k = 0; k < m.length; k++) {
        for (int level = 0; level < m[k].length; level++) {
          change = Math.max(change, Math.abs(m[k][level] - other.m[k][level]));
        }
      }
      return change;
    }

    FellegiSunterModel toModel(Comparisons comparisons, UProbabilities u, int iterations, Convergence convergence) {
      List<ComparisonParameters> parameters = new ArrayList<>();
      for (int k = 0; k < m.length; k++) {
        parameters.add(new ComparisonParameters(comparisons.get(k), Arrays.stream(m[k]).boxed().toList(), u.of(k)));
      }
      return new FellegiSunterModel(lambda, parameters, iterations, convergence);
    }
  }
}
