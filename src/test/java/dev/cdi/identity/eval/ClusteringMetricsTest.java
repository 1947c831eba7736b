package dev.cdi.identity.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The metric arithmetic on in-memory contingency tables, checked against values worked out by hand. */
class ClusteringMetricsTest {

  private static final double EPS = 1e-12;

  private static PairCounts counts(PairCounts.Cell... cells) {
    return PairCounts.ofCells(List.of(cells));
  }

  private static PairCounts.Cell cell(String customer, String entity, long records) {
    return new PairCounts.Cell(customer, entity, records);
  }

  @Test
  void briefExampleByHand() {
    // truth {a,b,c},{d}; predicted P1={a,b}, P2={c,d}. Cells: (P1,T1)=2, (P2,T1)=1, (P2,T2)=1.
    // TP = C(2,2) = 1; predicted pairs = C(2,2)+C(2,2) = 2; true pairs = C(3,2)+C(1,2) = 3.
    PairCounts c = counts(cell("P1", "T1", 2), cell("P2", "T1", 1), cell("P2", "T2", 1));
    assertEquals(new PairCounts(4, 1, 2, 3, 3.0, 8.0 / 3, 2, 2), c);
    // B-cubed sums: precision Σ n²/a = 4/2 + 1/2 + 1/2 = 3; recall Σ n²/b = 4/3 + 1/3 + 1/1 = 8/3.
    ClusteringMetrics m = ClusteringMetrics.of(c);
    assertEquals(0.5, m.pairwisePrecision(), EPS);
    assertEquals(1.0 / 3, m.pairwiseRecall(), EPS);
    assertEquals(0.4, m.pairwiseF1(), EPS); // 2 * 0.5 * 1/3 / (5/6)
    assertEquals(0.75, m.bcubedPrecision(), EPS); // 3 / 4
    assertEquals(2.0 / 3, m.bcubedRecall(), EPS); // (8/3) / 4
    assertEquals(12.0 / 17, m.bcubedF1(), EPS); // 2 * 0.75 * 2/3 / (17/12)
    // pairs of 4 records: 6; tp 1, fp 1, fn 2, tn 2 -> 2(1*2 - 2*1) / (...) = 0: no better than chance.
    assertEquals(0.0, m.adjustedRandIndex(), EPS);
  }

  @Test
  void adjustedRandIndexOnKnownCases() {
    // truth [0,0,0,1,1,1], predicted [0,0,1,1,2,2] (scikit-learn's documented example, 0.2424...):
    // tp 2, predicted pairs 3, true pairs 6, 15 pairs; (2 - 3*6/15) / ((3+6)/2 - 3*6/15) = 0.8 / 3.3 = 24/99.
    PairCounts six = counts(cell("p0", "t0", 2), cell("p1", "t0", 1), cell("p1", "t1", 1), cell("p2", "t1", 2));
    assertEquals(24.0 / 99, ClusteringMetrics.of(six).adjustedRandIndex(), EPS);
    // truth [0,0,1,2], predicted [0,0,1,1]: tp 1, fp 1, fn 0, tn 4 -> 2*4 / (1*4 + 2*5) = 8/14.
    PairCounts four = counts(cell("p0", "t0", 2), cell("p1", "t1", 1), cell("p1", "t2", 1));
    assertEquals(4.0 / 7, ClusteringMetrics.of(four).adjustedRandIndex(), EPS);
    assertEquals(4.0 / 7, PairMath.adjustedRandIndex(1, 2, 1, 4), EPS);
  }

  @Test
  void perfectClusteringScoresOneEverywhere() {
    PairCounts c = counts(cell("x", "A", 3), cell("y", "B", 2), cell("z", "C", 1));
    assertEquals(new ClusteringMetrics(1, 1, 1, 1, 1, 1, 1), ClusteringMetrics.of(c));
  }

  @Test
  void allSingletonsPredictedAgainstRealDuplicates() {
    // truth {a,b},{c}; predicted {a},{b},{c}: no predicted pairs -> precision 1.0 by convention, recall 0, F1 0.
    PairCounts c = counts(cell("a", "T1", 1), cell("b", "T1", 1), cell("c", "T2", 1));
    assertEquals(new PairCounts(3, 0, 0, 1, 3.0, 2.0, 3, 2), c);
    ClusteringMetrics m = ClusteringMetrics.of(c);
    // B-cubed recall (1/2 + 1/2 + 1) / 3 = 2/3; F1 = 2 * 1 * 2/3 / (5/3) = 0.8; ARI: tp 0, fn 1, tn 2 -> 0.
    assertEquals(new ClusteringMetrics(1.0, 0.0, 0.0, 1.0, 2.0 / 3, 0.8, 0.0), m);
  }

  @Test
  void emptyDenominatorsFollowTheConventions() {
    // Both all singletons: no pairs anywhere, identical clusterings -> 1.0 everywhere (ARI denominator is 0).
    PairCounts singletons = counts(cell("a", "A", 1), cell("b", "B", 1));
    assertEquals(new ClusteringMetrics(1, 1, 1, 1, 1, 1, 1), ClusteringMetrics.of(singletons));
    // Both one cluster.
    assertEquals(1.0, ClusteringMetrics.of(counts(cell("x", "A", 4))).adjustedRandIndex());
    // No records at all.
    assertEquals(new ClusteringMetrics(1, 1, 1, 1, 1, 1, 1),
        ClusteringMetrics.of(new PairCounts(0, 0, 0, 0, 0, 0, 0, 0)));
    assertEquals(0.0, PairMath.f1(0, 0));
    assertEquals(1.0, PairMath.ratio(0, 0));
    assertEquals(10, PairMath.choose2(5));
  }

  @Test
  void inconsistentCountsAreRejected() {
    assertEquals("truePositivePairs must be between 0 and min(predictedPairs, truePairs) = 1, got 2",
        assertThrows(IllegalArgumentException.class, () -> new PairCounts(3, 2, 1, 3, 0, 0, 1, 1)).getMessage());
    assertEquals("predictedPairs and truePairs must be <= C(records, 2) = 1, got 3 and 0",
        assertThrows(IllegalArgumentException.class, () -> new PairCounts(2, 0, 3, 0, 0, 0, 1, 1)).getMessage());
    assertEquals("cell records must be >= 1, got 0",
        assertThrows(IllegalArgumentException.class, () -> cell("a", "A", 0)).getMessage());
    assertThrows(IllegalArgumentException.class, () -> counts(cell("a", "A", 1), cell("a", "A", 2)));
  }
}
