package dev.cdi.identity.score;

import java.io.Serializable;

/**
 * Settings of {@link ModelTrainer}.
 *
 * @param randomPairs how u-probabilities sample random pairs
 * @param em          EM settings for m and λ
 */
public record TrainingSettings(RandomPairSettings randomPairs, EmSettings em) implements Serializable {

  public static final TrainingSettings DEFAULTS = new TrainingSettings(RandomPairSettings.DEFAULTS,
      EmSettings.DEFAULTS);

  public TrainingSettings {
    if (randomPairs == null || em == null) {
      throw new IllegalArgumentException("training.random_pairs and training.em must be set");
    }
  }
}
