package dev.cdi.identity.score;

/** How an EM run ended. */
public enum Convergence {
  /** The largest parameter change fell below the tolerance. */
  CONVERGED,
  /** The iteration limit was reached first. */
  MAX_ITERATIONS
}
