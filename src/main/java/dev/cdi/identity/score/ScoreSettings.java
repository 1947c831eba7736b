package dev.cdi.identity.score;

import java.io.Serializable;

/**
 * Scoring settings.
 *
 * @param tfMinimumU floor on a value's term frequency when it replaces the exact level's u, in (0, 1), so a value
 *                   seen once in a huge table cannot get an unbounded weight
 */
public record ScoreSettings(double tfMinimumU) implements Serializable {

  public static final ScoreSettings DEFAULTS = new ScoreSettings(1e-6);

  public ScoreSettings {
    if (!(tfMinimumU > 0 && tfMinimumU < 1)) {
      throw new IllegalArgumentException("score.tf_minimum_u must be in (0, 1), got " + tfMinimumU);
    }
  }
}
