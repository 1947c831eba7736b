package dev.cdi.identity.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class BlockingMetricsTest {

  @Test
  void ratiosAndConventions() {
    // 5 records (10 possible pairs), 4 true pairs; 3 candidates in the universe, 2 of them true matches.
    BlockingMetrics b = new BlockingMetrics(4, 3, 2, 5, 4);
    assertEquals(0.5, b.pairCompleteness());
    assertEquals(0.7, b.reductionRatio(), 1e-12);
    assertEquals(2.0 / 3, b.pairsQuality(), 1e-12);
    BlockingMetrics nothing = new BlockingMetrics(0, 0, 0, 1, 0);
    assertEquals(1.0, nothing.pairCompleteness());
    assertEquals(1.0, nothing.reductionRatio());
    assertEquals(1.0, nothing.pairsQuality());
    assertThrows(IllegalArgumentException.class, () -> new BlockingMetrics(1, 2, 0, 5, 4));
    assertThrows(IllegalArgumentException.class, () -> new BlockingMetrics(20, 11, 0, 5, 4));
  }
}
