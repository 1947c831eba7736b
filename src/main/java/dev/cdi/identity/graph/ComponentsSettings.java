package dev.cdi.identity.graph;

/**
 * Settings of {@link ConnectedComponents}.
 *
 * @param maxIterations rounds (one large-star plus one small-star each) allowed before the run fails; the
 *                      algorithm needs O(log n) rounds in practice, so a few dozen cover any realistic graph
 */
public record ComponentsSettings(int maxIterations) {

  /** Enough for graphs far larger than the engine will meet (2,000-node paths converge in about a dozen). */
  public static final ComponentsSettings DEFAULTS = new ComponentsSettings(50);

  public ComponentsSettings {
    if (maxIterations < 1) {
      throw new IllegalArgumentException("components.maxIterations must be >= 1, got " + maxIterations);
    }
  }
}
