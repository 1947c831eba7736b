package dev.cdi.identity.block;

import java.util.function.DoubleUnaryOperator;

/**
 * The banding S-curve. With b bands of r MinHash rows, two records of Jaccard similarity s share at least one
 * bucket with probability {@code P(s) = 1 - (1 - s^r)^b}: AND within a band (all r values agree, s^r), OR across
 * bands. The curve's steepest point, the threshold, is near {@code (1/b)^(1/r)}.
 */
public final class BandingMath {

  private static final int INTEGRATION_STEPS = 500;

  private BandingMath() {
  }

  /**
   * A banding choice.
   *
   * @param bands b, at least 1
   * @param rows  r, at least 1
   */
  public record Banding(int bands, int rows) {

    public Banding {
      requireBanding(bands, rows);
    }

    /** MinHash values needed, b * r. */
    public int hashes() {
      return bands * rows;
    }

    /** The approximate threshold (1/b)^(1/r). */
    public double threshold() {
      return BandingMath.threshold(bands, rows);
    }
  }

  /** P(candidate | Jaccard similarity s) = 1 - (1 - s^r)^b. */
  public static double candidateProbability(double similarity, int bands, int rows) {
    if (similarity < 0 || similarity > 1) {
      throw new IllegalArgumentException("similarity must be between 0 and 1, got " + similarity);
    }
    requireBanding(bands, rows);
    return probability(similarity, bands, rows);
  }

  /** The approximate threshold (1/b)^(1/r) where the S-curve is steepest. */
  public static double threshold(int bands, int rows) {
    requireBanding(bands, rows);
    return Math.pow(1.0 / bands, 1.0 / rows);
  }

  /**
   * The (b, r) with b * r <= {@code maxHashes} that best separates similarities below {@code threshold} from those
   * above: it minimises the false-positive area (the integral of P over [0, threshold]) plus the false-negative area
   * (the integral of 1 - P over [threshold, 1]). Ties go to fewer rows, then fewer bands.
   */
  public static Banding suggest(double threshold, int maxHashes) {
    if (!(threshold > 0 && threshold < 1)) {
      throw new IllegalArgumentException("threshold must be between 0 and 1 (exclusive), got " + threshold);
    }
    if (maxHashes < 1 || maxHashes > BlockingView.MAX_HASHES) {
      throw new IllegalArgumentException("maxHashes must be between 1 and " + BlockingView.MAX_HASHES + ", got "
          + maxHashes);
    }
    Banding best = null;
    double bestError = Double.POSITIVE_INFINITY;
    for (int rows = 1; rows <= maxHashes; rows++) {
      for (int bands = 1; bands * rows <= maxHashes; bands++) {
        double error = misclassifiedArea(threshold, bands, rows);
        if (error < bestError) {
          bestError = error;
          best = new Banding(bands, rows);
        }
      }
    }
    return best;
  }

  /** False-positive area below {@code threshold} plus false-negative area above it. */
  static double misclassifiedArea(double threshold, int bands, int rows) {
    double falsePositive = integrate(0, threshold, s -> probability(s, bands, rows));
    double falseNegative = integrate(threshold, 1, s -> 1 - probability(s, bands, rows));
    return falsePositive + falseNegative;
  }

  private static double probability(double similarity, int bands, int rows) {
    return 1 - Math.pow(1 - Math.pow(similarity, rows), bands);
  }

  private static void requireBanding(int bands, int rows) {
    if (bands < 1) {
      throw new IllegalArgumentException("lsh.bands must be >= 1, got " + bands);
    }
    if (rows < 1) {
      throw new IllegalArgumentException("lsh.rows must be >= 1, got " + rows);
    }
  }

  /** Simpson's rule over an even number of steps. */
  private static double integrate(double from, double to, DoubleUnaryOperator f) {
    double h = (to - from) / INTEGRATION_STEPS;
    double sum = f.applyAsDouble(from) + f.applyAsDouble(to);
    for (int i = 1; i < INTEGRATION_STEPS; i++) {
      sum += f.applyAsDouble(from + i * h) * (i % 2 == 0 ? 2 : 4);
    }
    return sum * h / 3;
  }
}
