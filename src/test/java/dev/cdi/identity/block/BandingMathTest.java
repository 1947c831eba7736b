package dev.cdi.identity.block;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cdi.identity.block.BandingMath.Banding;
import org.junit.jupiter.api.Test;

class BandingMathTest {

  private static final double EPS = 1e-12;

  @Test
  void candidateProbabilityFollowsTheSCurve() {
    assertEquals(0.8, BandingMath.candidateProbability(0.8, 1, 1), EPS);
    assertEquals(0.75, BandingMath.candidateProbability(0.5, 2, 1), EPS, "OR: 1 - (1/2)^2");
    assertEquals(0.25, BandingMath.candidateProbability(0.5, 1, 2), EPS, "AND: (1/2)^2");
    assertEquals(1 - Math.pow(15.0 / 16, 20), BandingMath.candidateProbability(0.5, 20, 4), EPS);
    assertEquals(0.7249412, BandingMath.candidateProbability(0.5, 20, 4), 1e-7);
    assertEquals(0.0, BandingMath.candidateProbability(0.0, 20, 4), EPS);
    assertEquals(1.0, BandingMath.candidateProbability(1.0, 20, 4), EPS);
  }

  @Test
  void thresholdIsTheRthRootOfOneOverB() {
    assertEquals(0.5, BandingMath.threshold(4, 2), EPS);
    assertEquals(0.1, BandingMath.threshold(10, 1), EPS);
    assertEquals(1.0, BandingMath.threshold(1, 7), EPS);
    assertEquals(0.5492803, BandingMath.threshold(20, 5), 1e-7);
    assertEquals(0.5, new Banding(4, 2).threshold(), EPS);
    assertEquals(8, new Banding(4, 2).hashes());
  }

  @Test
  void misclassifiedAreaMatchesHandIntegrals() {
    // P(s) = s: 1/8 below 0.5 plus 1/8 above.
    assertEquals(0.25, BandingMath.misclassifiedArea(0.5, 1, 1), 1e-9);
    // P(s) = 2s^2 - s^4: 37/480 below 0.5 plus 53/480 above.
    assertEquals(0.1875, BandingMath.misclassifiedArea(0.5, 2, 2), 1e-9);
    // P(s) = 1 - (1 - s)^4: 49/160 below plus 1/160 above.
    assertEquals(0.3125, BandingMath.misclassifiedArea(0.5, 4, 1), 1e-9);
  }

  @Test
  void suggestPicksTheBestBandingWithinTheBudget() {
    assertEquals(new Banding(1, 1), BandingMath.suggest(0.5, 1));
    // Budget 4 at 0.5: (2,2) scores 0.1875; (1,1), (2,1), (1,2) 0.25; (3,1), (1,3) 0.28125; (4,1), (1,4) 0.3125.
    assertEquals(new Banding(2, 2), BandingMath.suggest(0.5, 4));
    Banding wide = BandingMath.suggest(0.5, 128);
    assertTrue(wide.hashes() <= 128 && wide.hashes() >= 100, "uses most of the budget: " + wide);
    assertEquals(0.5, wide.threshold(), 0.05, "threshold near the target: " + wide);
    Banding low = BandingMath.suggest(0.3, 128);
    assertTrue(low.threshold() < wide.threshold(), "lower target, lower threshold: " + low + " vs " + wide);
  }

  @Test
  void rejectsInvalidArguments() {
    assertEquals("lsh.bands must be >= 1, got 0",
        assertThrows(IllegalArgumentException.class, () -> BandingMath.threshold(0, 2)).getMessage());
    assertEquals("lsh.rows must be >= 1, got -1",
        assertThrows(IllegalArgumentException.class, () -> new Banding(3, -1)).getMessage());
    assertEquals("similarity must be between 0 and 1, got 1.5",
        assertThrows(IllegalArgumentException.class, () -> BandingMath.candidateProbability(1.5, 1, 1))
            .getMessage());
    assertThrows(IllegalArgumentException.class, () -> BandingMath.suggest(1.0, 10));
    assertThrows(IllegalArgumentException.class, () -> BandingMath.suggest(0.5, 0));
  }
}
