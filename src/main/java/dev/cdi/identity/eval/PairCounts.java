package dev.cdi.identity.eval;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The sums over the contingency table of (customer_id, entity_id) that every clustering metric is built from, for
 * the records present in both the prediction and the truth. With {@code n_ij} the records of cluster i and entity
 * j, {@code a_i} the size of cluster i and {@code b_j} the size of entity j:
 *
 * @param records              N = Σ n_ij
 * @param truePositivePairs    Σ C(n_ij, 2): pairs together in both
 * @param predictedPairs       Σ C(a_i, 2): pairs together in the prediction
 * @param truePairs            Σ C(b_j, 2): pairs together in the truth
 * @param bcubedPrecisionSum   Σ n_ij² / a_i (B-cubed precision times N)
 * @param bcubedRecallSum      Σ n_ij² / b_j (B-cubed recall times N)
 * @param clusters             number of predicted clusters (i)
 * @param entities             number of true entities (j)
 */
public record PairCounts(long records, long truePositivePairs, long predictedPairs, long truePairs,
                         double bcubedPrecisionSum, double bcubedRecallSum, long clusters, long entities) {

  public PairCounts {
    if (records < 0 || clusters < 0 || entities < 0) {
      throw new IllegalArgumentException("records, clusters and entities must be >= 0, got " + records + ", "
          + clusters + ", " + entities);
    }
    if (truePositivePairs < 0 || truePositivePairs > Math.min(predictedPairs, truePairs)) {
      throw new IllegalArgumentException("truePositivePairs must be between 0 and min(predictedPairs, truePairs) = "
          + Math.min(predictedPairs, truePairs) + ", got " + truePositivePairs);
    }
    long all = PairMath.choose2(records);
    if (predictedPairs > all || truePairs > all) {
      throw new IllegalArgumentException("predictedPairs and truePairs must be <= C(records, 2) = " + all + ", got "
          + predictedPairs + " and " + truePairs);
    }
  }

  /** One non-empty cell of the contingency table. */
  public record Cell(String customerId, String entityId, long records) {

    public Cell {
      if (records < 1) {
        throw new IllegalArgumentException("cell records must be >= 1, got " + records);
      }
    }
  }

  /** The sums of an in-memory contingency table (the reference the Spark aggregation is tested against). */
  public static PairCounts ofCells(Collection<Cell> cells) {
    Map<String, Long> clusterSizes = new HashMap<>();
    Map<String, Long> entitySizes = new HashMap<>();
    for (Cell c : cells) {
      clusterSizes.merge(c.customerId(), c.records(), Long::sum);
      entitySizes.merge(c.entityId(), c.records(), Long::sum);
    }
    long records = 0;
    long truePositive = 0;
    double precisionSum = 0;
    double recallSum = 0;
    Set<List<String>> seen = new HashSet<>();
    for (Cell c : cells) {
      if (!seen.add(List.of(c.customerId(), c.entityId()))) {
        throw new IllegalArgumentException("duplicate cell " + c);
      }
      long n = c.records();
      records += n;
      truePositive += PairMath.choose2(n);
      precisionSum += (double) n * n / clusterSizes.get(c.customerId());
      recallSum += (double) n * n / entitySizes.get(c.entityId());
    }
    return new PairCounts(records, truePositive, sumOfPairs(clusterSizes), sumOfPairs(entitySizes), precisionSum,
        recallSum, clusterSizes.size(), entitySizes.size());
  }

  private static long sumOfPairs(Map<String, Long> sizes) {
    return sizes.values().stream().mapToLong(PairMath::choose2).sum();
  }
}
