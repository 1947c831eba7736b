package dev.cdi.identity.score;

import java.io.Serializable;

/**
 * Expectation-maximisation settings for m-probabilities and the match prior.
 *
 * @param maxIterations  stop after this many iterations, >= 1
 * @param tolerance      stop once no m-probability and not the prior moved by more than this, > 0
 * @param initialLambda  starting prior probability that a candidate pair is a match, in (0, 1)
 * @param initialTopM    starting m of each comparison's exact level, in (0, 1); the rest is shared equally by the
 *                       lower levels
 * @param minProbability floor for every m-probability and for the prior (and 1 minus it), in (0, 0.01], so no
 *                       level gets an infinite weight
 */
public record EmSettings(int maxIterations, double tolerance, double initialLambda, double initialTopM,
    double minProbability) implements Serializable {

  public static final EmSettings DEFAULTS = new EmSettings(50, 1e-4, 0.1, 0.9, 1e-6);

  public EmSettings {
    if (maxIterations < 1) {
      throw new IllegalArgumentException("em.max_iterations must be >= 1, got " + maxIterations);
    }
    if (!(tolerance > 0)) {
      throw new IllegalArgumentException("em.tolerance must be > 0, got " + tolerance);
    }
    if (!(initialLambda > 0 && initialLambda < 1)) {
      throw new IllegalArgumentException("em.initial_lambda must be in (0, 1), got " + initialLambda);
    }
    if (!(initialTopM > 0 && initialTopM < 1)) {
      throw new IllegalArgumentException("em.initial_top_m must be in (0, 1), got " + initialTopM);
    }
    if (!(minProbability > 0 && minProbability <= 0.01)) {
      throw new IllegalArgumentException("em.min_probability must be in (0, 0.01], got " + minProbability);
    }
  }

  /** These settings with another iteration limit and tolerance. */
  public EmSettings withStopping(int iterations, double newTolerance) {
    return new EmSettings(iterations, newTolerance, initialLambda, initialTopM, minProbability);
  }
}
