package dev.cdi.identity.score;

import java.util.List;
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
    UProbabilities u = UProbabilityEstimator.estimate(records, comparisons, settings.randomPairs());
    List<GammaPattern> patterns = GammaPatterns.collect(compared, comparisons);
    FellegiSunterModel model = ExpectationMaximisation.estimate(comparisons, patterns, u, settings.em());
    LOG.info("Trained model:\n{}", model.describe());
    return model;
  }
}
