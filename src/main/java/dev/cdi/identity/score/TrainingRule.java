package dev.cdi.identity.score;

import java.util.Set;
import org.apache.spark.sql.Column;

/**
 * A subset of the candidate pairs to train m-probabilities on, and the record columns that selected it: pairs
 * that share an email, or that one LSH view proposed. Comparisons on those columns agree far more often in the
 * subset than among matches in general, so they are not trained on it (as Splink does with its blocking rules).
 *
 * @param name        for logs
 * @param pairs       a condition over the candidate pair columns selecting the subset
 * @param conditioned the record columns the subset was selected by
 */
public record TrainingRule(String name, Column pairs, Set<String> conditioned) {

  public TrainingRule {
    conditioned = Set.copyOf(conditioned);
  }
}
