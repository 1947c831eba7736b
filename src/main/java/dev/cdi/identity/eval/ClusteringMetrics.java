package dev.cdi.identity.eval;

/**
 * Clustering quality against the truth, over the records present in both. Pairwise scores count record pairs put
 * together; B-cubed scores average, per record, the share of its predicted cluster that truly belongs with it
 * (precision) and the share of its true entity found in its cluster (recall). Empty denominators follow
 * {@link PairMath}'s conventions: with no records at all every score is 1.0.
 */
public record ClusteringMetrics(double pairwisePrecision, double pairwiseRecall, double pairwiseF1,
                                double bcubedPrecision, double bcubedRecall, double bcubedF1,
                                double adjustedRandIndex) {

  /** The metrics of the given contingency sums. */
  public static ClusteringMetrics of(PairCounts c) {
    double precision = PairMath.ratio(c.truePositivePairs(), c.predictedPairs());
    double recall = PairMath.ratio(c.truePositivePairs(), c.truePairs());
    double bPrecision = c.records() == 0 ? 1.0 : c.bcubedPrecisionSum() / c.records();
    double bRecall = c.records() == 0 ? 1.0 : c.bcubedRecallSum() / c.records();
    return new ClusteringMetrics(precision, recall, PairMath.f1(precision, recall), bPrecision, bRecall,
        PairMath.f1(bPrecision, bRecall),
        PairMath.adjustedRandIndex(c.truePositivePairs(), c.predictedPairs(), c.truePairs(), c.records()));
  }
}
