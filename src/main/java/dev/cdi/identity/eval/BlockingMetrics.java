package dev.cdi.identity.eval;

/**
 * How well blocking's candidate pairs cover the true matches, over a universe of labelled records (in a full
 * evaluation: the records present in both the prediction and the truth). Candidate pairs are counted unordered,
 * distinct and without self-pairs; pairs with a key outside the universe are left out of the ratios.
 *
 * @param candidatePairs          distinct candidate pairs
 * @param candidatePairsEvaluated distinct candidate pairs with both keys in the universe
 * @param trueMatchPairs          of those, pairs whose records share an entity
 * @param records                 N, the records of the universe
 * @param truePairs               pairs of the universe that share an entity
 */
public record BlockingMetrics(long candidatePairs, long candidatePairsEvaluated, long trueMatchPairs, long records,
                              long truePairs) {

  public BlockingMetrics {
    if (trueMatchPairs < 0 || trueMatchPairs > candidatePairsEvaluated || candidatePairsEvaluated > candidatePairs) {
      throw new IllegalArgumentException("blocking counts must satisfy 0 <= trueMatchPairs <= candidatePairsEvaluated"
          + " <= candidatePairs, got " + trueMatchPairs + ", " + candidatePairsEvaluated + ", " + candidatePairs);
    }
    if (trueMatchPairs > truePairs || candidatePairsEvaluated > PairMath.choose2(records)) {
      throw new IllegalArgumentException("blocking counts exceed the universe: " + trueMatchPairs + " true-match of "
          + truePairs + " true pairs, " + candidatePairsEvaluated + " candidates of " + PairMath.choose2(records)
          + " possible pairs");
    }
  }

  /** True-match candidate pairs / true pairs; 1.0 when there are no true pairs. */
  public double pairCompleteness() {
    return PairMath.ratio(trueMatchPairs, truePairs);
  }

  /** 1 − candidate pairs / (N(N−1)/2); 1.0 when N &lt; 2 (there is nothing to compare). */
  public double reductionRatio() {
    return 1.0 - (records < 2 ? 0.0 : (double) candidatePairsEvaluated / PairMath.choose2(records));
  }

  /** True-match candidate pairs / candidate pairs (blocking's precision); 1.0 when there are no candidates. */
  public double pairsQuality() {
    return PairMath.ratio(trueMatchPairs, candidatePairsEvaluated);
  }
}
