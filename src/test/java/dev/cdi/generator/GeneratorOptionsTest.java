package dev.cdi.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class GeneratorOptionsTest {

  @Test
  void rejectsInvalidOptions() {
    assertEquals("--customers must be >= 1, got 0", assertThrows(IllegalArgumentException.class,
        () -> new GeneratorOptions(0, 1, "/tmp/x", 0.002, 10)).getMessage());
    assertThrows(IllegalArgumentException.class, () -> new GeneratorOptions(1, 1, "/tmp/x", 0.5, 10));
    assertThrows(IllegalArgumentException.class, () -> new GeneratorOptions(1, 1, "/tmp/x", -0.1, 10));
    assertThrows(IllegalArgumentException.class, () -> new GeneratorOptions(1, 1, "/tmp/x", Double.NaN, 10));
    assertThrows(IllegalArgumentException.class, () -> new GeneratorOptions(1, 1, "/tmp/x", 0.002, 0));
    assertThrows(IllegalArgumentException.class, () -> new GeneratorOptions(1, 1, " ", 0.002, 10));
    assertThrows(IllegalArgumentException.class, () -> new GeneratorOptions(1, 1, null, 0.002, 10));
  }

  @Test
  void partitionCountFollowsTheFormula() {
    assertEquals(2, plan(300, 20_000).partitions());
    assertEquals(50, plan(1_000_000, 20_000).partitions());
    assertEquals(51, plan(1_000_001, 20_000).partitions());
    assertEquals(1, plan(1, 20_000).partitions());
    assertEquals(5, plan(5, 1).partitions());
  }

  @Test
  void partitionsCoverAllBlocksContiguously() {
    GenerationPlan plan = plan(1_000, 90);
    assertEquals(0, plan.firstBlock(0));
    for (int p = 0; p < plan.partitions(); p++) {
      assertEquals(plan.endBlock(p), plan.firstBlock(p + 1));
      long size = plan.endBlock(p) - plan.firstBlock(p);
      assertEquals(plan.blocks() / plan.partitions(), size, 1);
    }
    assertEquals(plan.blocks(), plan.endBlock(plan.partitions() - 1));
  }

  private static GenerationPlan plan(long customers, int perPartition) {
    return GenerationPlan.of(new GeneratorOptions(customers, 1, "/tmp/x", 0.002, perPartition));
  }
}
