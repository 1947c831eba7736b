package dev.cdi.identity.score;

import java.io.Serializable;
import java.util.List;

/**
 * The estimated parameters of one comparison: m (probability of each level among matches) and u (among
 * non-matches), index = level 0..top. The null level (-1) has no parameters and weight 0.
 *
 * @param spec the comparison
 * @param m    m-probabilities, one per level, each in (0, 1]
 * @param u    u-probabilities, one per level, each in (0, 1)
 */
public record ComparisonParameters(ComparisonSpec spec, List<Double> m, List<Double> u) implements Serializable {

  public ComparisonParameters {
    m = List.copyOf(m);
    u = List.copyOf(u);
    int levels = spec.topLevel() + 1;
    if (m.size() != levels || u.size() != levels) {
      throw new IllegalArgumentException("comparison " + spec.name() + " has " + levels + " levels, got "
          + m.size() + " m and " + u.size() + " u values");
    }
    for (int level = 0; level < levels; level++) {
      if (!(m.get(level) > 0 && m.get(level) <= 1) || !(u.get(level) > 0 && u.get(level) < 1)) {
        throw new IllegalArgumentException("comparison " + spec.name() + " level " + level
            + ": m must be in (0, 1] and u in (0, 1), got m=" + m.get(level) + " u=" + u.get(level));
      }
    }
  }

  /** log2(m / u) of a level; 0 for the null level (-1). */
  public double weight(int level) {
    if (level < 0) {
      return 0.0;
    }
    return log2(m.get(level) / u.get(level));
  }

  /**
   * The term-frequency adjusted weight of exact agreement on a value with frequency {@code tf}: log2(m_exact / max(tf,
   * floor)), the value's own frequency replacing the exact level's average u.
   */
  public double exactWeight(double tf, double floor) {
    return log2(m.get(spec.topLevel()) / Math.max(tf, floor));
  }

  static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }
}
