package dev.cdi.generator;

import java.io.Serializable;

/**
 * How a run is split into tasks. Persons are grouped in household blocks of {@value HouseholdPlanner#BLOCK_SIZE};
 * partition p owns a contiguous range of whole blocks, the ranges as even as possible. There are
 * max(2, ceil(customers / personsPerPartition)) partitions, but never more than customers; with fewer blocks than
 * partitions some partitions are empty and write header-only files.
 *
 * @param customers  number of persons
 * @param seed       run seed
 * @param badRowRate defect rate per data file
 * @param partitions number of partitions
 * @param out        output folder
 */
record GenerationPlan(long customers, long seed, double badRowRate, int partitions, String out)
    implements Serializable {

  static GenerationPlan of(GeneratorOptions options) {
    long wanted = Math.max(2, ceilDiv(options.customers(), options.personsPerPartition()));
    long partitions = Math.min(wanted, options.customers());
    if (partitions > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("too many partitions: " + partitions + "; raise --persons-per-partition");
    }
    return new GenerationPlan(options.customers(), options.seed(), options.badRowRate(), (int) partitions,
        options.out());
  }

  long blocks() {
    return ceilDiv(customers, HouseholdPlanner.BLOCK_SIZE);
  }

  /** First block of partition p. */
  long firstBlock(int partition) {
    long base = blocks() / partitions;
    long extra = blocks() % partitions;
    return partition * base + Math.min(partition, extra);
  }

  /** One past the last block of partition p. */
  long endBlock(int partition) {
    return firstBlock(partition + 1);
  }

  private static long ceilDiv(long a, long b) {
    return (a + b - 1) / b;
  }
}
