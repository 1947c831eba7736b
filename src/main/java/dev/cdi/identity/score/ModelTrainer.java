package dev.cdi.identity.score;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Estimates a {@link FellegiSunterModel} without labels: u from random record pairs ({@link
 * UProbabilityEstimator}), then m and λ by EM ({@link ExpectationMaximisation}) over the level patterns of the
 * compared candidate pairs. Two collect actions (random-pair patterns, candidate patterns), both logged; the model
 * is deterministic for the same inputs and settings. Callers that also score the compared pairs should persist
 * them first, since they are read here and again by {@link PairScorer}.
 */
public final class ModelTrainer {

  private static final Logger LOG = LoggerFactory.getLogger(ModelTrainer.class);

  private ModelTrainer() {
  }

  /**
   * Trains on {@code records} (for u) and {@code compared}, the candidate pairs after {@link PairComparator}.
   */
  public static FellegiSunterModel train(Dataset<Row> records, Dataset<Row> compared, Comparisons comparisons,
      TrainingSettings settings) {
    return train(records, compared, comparisons, settings, List.of());
  }

  /**
   * Trains m rule by rule, Splink-style: the rules are taken in order, and EM over the pairs a rule selects fits
   * the m of the comparisons that are neither on a column the rule selected the pairs by (they would look far
   * more informative than they are) nor fitted by an earlier rule; everything else stays frozen. So put the rule
   * whose pairs are most surely matches first (pairs sharing a strong identifier). A comparison no rule can fit
   * keeps the starting m, with a warning. Finally λ alone is fitted over all candidate pairs with every m frozen.
   * With no rules, plain EM fits every m and λ over all candidate pairs. One collect per rule plus one for all pairs.
   */
  public static FellegiSunterModel train(Dataset<Row> records, Dataset<Row> compared, Comparisons comparisons,
      TrainingSettings settings, List<TrainingRule> rules) {
    FellegiSunterModel model = fitRules(records, compared, comparisons, settings, rules).model();
    LOG.info("Trained model:\n{}", model.describe());
    return model;
  }

  /**
   * As {@link #train(Dataset, Dataset, Comparisons, TrainingSettings, List)}, then the prior over all
   * {@code allPairs} record pairs ({@link ExpectationMaximisation#priorOverAllPairs}), the pairs outside
   * {@code compared} counted as non-matches. The returned model's λ is that prior, to score candidates with.
   */
  public static FellegiSunterModel trainWithPriorOverAllPairs(Dataset<Row> records, Dataset<Row> compared,
      Comparisons comparisons, TrainingSettings settings, List<TrainingRule> rules, double allPairs) {
    Fitted fitted = fitRules(records, compared, comparisons, settings, rules);
    FellegiSunterModel model = ExpectationMaximisation.priorOverAllPairs(comparisons, fitted.candidatePatterns(),
        fitted.u(), fitted.model(), allPairs, settings.em());
    LOG.info("Trained model:\n{}", model.describe());
    return model;
  }

  private record Fitted(FellegiSunterModel model, UProbabilities u, List<GammaPattern> candidatePatterns) {
  }

  /** u from random pairs, then m rule by rule (plain EM over all candidates without rules), then λ among them. */
  private static Fitted fitRules(Dataset<Row> records, Dataset<Row> compared, Comparisons comparisons,
      TrainingSettings settings, List<TrainingRule> rules) {
    UProbabilities u = UProbabilityEstimator.estimate(records, comparisons, settings.randomPairs());
    if (rules.isEmpty()) {
      List<GammaPattern> all = GammaPatterns.collect(compared, comparisons);
      return new Fitted(ExpectationMaximisation.estimate(comparisons, all, u, settings.em()), u, all);
    }
    FellegiSunterModel current = startingModel(comparisons, u, settings);
    Set<String> fitted = new HashSet<>();
    for (TrainingRule rule : rules) {
      Set<String> frozen = frozen(comparisons, rule);
      frozen.addAll(fitted);
      if (frozen.size() == comparisons.size()) {
        LOG.info("training rule {}: nothing left to fit", rule.name());
        continue;
      }
      List<GammaPattern> patterns = GammaPatterns.collect(compared.where(rule.pairs()), comparisons);
      if (patterns.isEmpty()) {
        LOG.info("training rule {}: no pairs", rule.name());
        continue;
      }
      current = ExpectationMaximisation.estimate(comparisons, patterns, u, settings.em(), current, frozen);
      List<String> now = comparisons.specs().stream().map(ComparisonSpec::name).filter(n -> !frozen.contains(n))
          .toList();
      fitted.addAll(now);
      LOG.info("training rule {}: fitted {}", rule.name(), now);
    }
    comparisons.specs().stream().map(ComparisonSpec::name).filter(n -> !fitted.contains(n)).forEach(n ->
        LOG.warn("comparison {} is on a column every training rule selects pairs by; it keeps its starting m", n));
    List<GammaPattern> all = GammaPatterns.collect(compared, comparisons);
    FellegiSunterModel model = ExpectationMaximisation.estimate(comparisons, all, u, settings.em(), current,
        names(comparisons));
    return new Fitted(model, u, all);
  }

  private static Set<String> frozen(Comparisons comparisons, TrainingRule rule) {
    Set<String> frozen = new HashSet<>();
    for (ComparisonSpec spec : comparisons.specs()) {
      if (rule.conditioned().contains(spec.column())) {
        frozen.add(spec.name());
      }
    }
    return frozen;
  }

  private static Set<String> names(Comparisons comparisons) {
    Set<String> out = new HashSet<>();
    comparisons.specs().forEach(s -> out.add(s.name()));
    return out;
  }

  /** EM's default start: λ and exact-level m from the settings, the estimated u. */
  private static FellegiSunterModel startingModel(Comparisons comparisons, UProbabilities u,
      TrainingSettings settings) {
    double[][] m = ExpectationMaximisation.initialM(comparisons, settings.em());
    List<ComparisonParameters> parameters = new ArrayList<>();
    for (int k = 0; k < m.length; k++) {
      parameters.add(new ComparisonParameters(comparisons.get(k), Arrays.stream(m[k]).boxed().toList(), u.of(k)));
    }
    return new FellegiSunterModel(settings.em().initialLambda(), parameters, 0, Convergence.MAX_ITERATIONS);
  }
}
