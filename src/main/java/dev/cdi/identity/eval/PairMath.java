package dev.cdi.identity.eval;

/**
 * The arithmetic of the evaluation, without Spark. Conventions for empty denominators, used everywhere:
 * <ul>
 *   <li>a ratio whose whole is 0 is 1.0: no predicted pairs means no false merge was claimed (precision 1.0), no
 *       true pairs means no match could be missed (recall 1.0);</li>
 *   <li>F1 is 0.0 when precision and recall are both 0;</li>
 *   <li>the adjusted Rand index is 1.0 when its denominator is 0, which happens only when both clusterings put the
 *       same pairs together (both all singletons, both one cluster) or there are fewer than 2 records.</li>
 * </ul>
 */
public final class PairMath {

  private PairMath() {
  }

  /** n choose 2, the number of unordered pairs among {@code n} items. */
  public static long choose2(long n) {
    if (n < 0) {
      throw new IllegalArgumentException("n must be >= 0, got " + n);
    }
    return n * (n - 1) / 2;
  }

  /** {@code part / whole}, or 1.0 when {@code whole} is 0 (see the class comment). */
  public static double ratio(long part, long whole) {
    return whole == 0 ? 1.0 : (double) part / whole;
  }

  /** The harmonic mean of precision and recall, 0.0 when both are 0. */
  public static double f1(double precision, double recall) {
    double sum = precision + recall;
    return sum == 0 ? 0.0 : 2 * precision * recall / sum;
  }

  /**
   * Hubert and Arabie's adjusted Rand index from pair counts, in the pair-confusion form
   * {@code 2(tp*tn - fn*fp) / ((tp+fn)(fn+tn) + (tp+fp)(fp+tn))} (computed in doubles, so no overflow).
   *
   * @param truePositivePairs pairs together in both clusterings
   * @param predictedPairs    pairs together in the prediction
   * @param truePairs         pairs together in the truth
   * @param records           number of records both clusterings cover
   */
  public static double adjustedRandIndex(long truePositivePairs, long predictedPairs, long truePairs, long records) {
    double tp = truePositivePairs;
    double fp = (double) predictedPairs - truePositivePairs;
    double fn = (double) truePairs - truePositivePairs;
    double tn = (double) choose2(records) - tp - fp - fn;
    double denominator = (tp + fn) * (fn + tn) + (tp + fp) * (fp + tn);
    return denominator == 0 ? 1.0 : 2 * (tp * tn - fn * fp) / denominator;
  }
}
