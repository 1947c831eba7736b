package dev.cdi.identity.score;

import java.io.Serializable;
import java.util.List;
import java.util.Locale;

/**
 * An estimated Fellegi-Sunter model: the prior match probability among candidate pairs and, per comparison,
 * m- and u-probabilities per level. Immutable. A pair's match weight is {@link #priorWeight()} plus the sum of
 * its comparisons' level weights log2(m/u); see {@link PairScorer} for the Spark version.
 *
 * @param lambda      prior probability that a candidate pair is a match, in (0, 1)
 * @param parameters  one entry per comparison, in {@link Comparisons} order
 * @param iterations  EM iterations run
 * @param convergence how EM stopped
 */
public record FellegiSunterModel(double lambda, List<ComparisonParameters> parameters, int iterations,
    Convergence convergence) implements Serializable {

  public FellegiSunterModel {
    parameters = List.copyOf(parameters);
    if (!(lambda > 0 && lambda < 1)) {
      throw new IllegalArgumentException("lambda must be in (0, 1), got " + lambda);
    }
    if (parameters.isEmpty()) {
      throw new IllegalArgumentException("a model needs at least one comparison");
    }
  }

  /** The comparisons, in order. */
  /** The same parameters with another prior match probability λ. */
  public FellegiSunterModel withLambda(double newLambda) {
    return new FellegiSunterModel(newLambda, parameters, iterations, convergence);
  }

  public Comparisons comparisons() {
    return new Comparisons(parameters.stream().map(ComparisonParameters::spec).toList());
  }

  /** log2 of the prior odds, λ / (1 - λ). */
  public double priorWeight() {
    return ComparisonParameters.log2(lambda / (1 - lambda));
  }

  /** Match weight of a pair from its levels (no term-frequency adjustment). */
  public double matchWeight(List<Integer> levels) {
    if (levels.size() != parameters.size()) {
      throw new IllegalArgumentException("expected " + parameters.size() + " levels, got " + levels);
    }
    double weight = priorWeight();
    for (int k = 0; k < levels.size(); k++) {
      weight += parameters.get(k).weight(levels.get(k));
    }
    return weight;
  }

  /** Match probability of a match weight: 2^w / (1 + 2^w). */
  public static double probability(double matchWeight) {
    return 1.0 / (1.0 + Math.pow(2.0, -matchWeight));
  }

  /** A readable table: the prior, then every comparison's levels with m, u and weight. */
  public String describe() {
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT, "Fellegi-Sunter model: lambda=%.6f (prior weight %+.2f), %d EM "
        + "iterations, %s%n", lambda, priorWeight(), iterations, convergence));
    for (ComparisonParameters p : parameters) {
      ComparisonSpec spec = p.spec();
      out.append(String.format(Locale.ROOT, "  %s (%s on %s%s)%n", spec.name(), spec.kind(), spec.column(),
          spec.tfAdjusted() ? ", tf-adjusted" : ""));
      List<String> labels = spec.levelLabels();
      for (int level = labels.size() - 1; level >= 0; level--) {
        out.append(String.format(Locale.ROOT, "    %2d %-28s m=%.6f u=%.6f weight=%+.2f%n", level,
            labels.get(level), p.m().get(level), p.u().get(level), p.weight(level)));
      }
      out.append(String.format(Locale.ROOT, "    %2d %-28s weight=+0.00%n", -1, "null"));
    }
    return out.toString();
  }
}
