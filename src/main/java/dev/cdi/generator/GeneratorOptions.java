package dev.cdi.generator;

/**
 * Options of one generator run. The output is a pure function of (customers, seed, personsPerPartition,
 * badRowRate); the first N persons of a run are the same in any larger run with the same seed.
 *
 * @param customers           number of simulated persons, at least 1
 * @param seed                run seed
 * @param out                 output folder as a Hadoop path or URI (local folder or {@code s3a://...}); it must be
 *                            missing or empty
 * @param badRowRate          fraction of records per data file emitted with a defect, in [0, 0.5)
 * @param personsPerPartition persons per Spark task (and per part file), at least 1
 */
public record GeneratorOptions(long customers, long seed, String out, double badRowRate, int personsPerPartition) {

  public static final double DEFAULT_BAD_ROW_RATE = 0.002;
  public static final int DEFAULT_PERSONS_PER_PARTITION = 20_000;

  public GeneratorOptions {
    if (customers < 1) {
      throw new IllegalArgumentException("--customers must be >= 1, got " + customers);
    }
    if (!(badRowRate >= 0 && badRowRate < 0.5)) {
      throw new IllegalArgumentException("--bad-row-rate must be >= 0 and < 0.5, got " + badRowRate);
    }
    if (personsPerPartition < 1) {
      throw new IllegalArgumentException("--persons-per-partition must be >= 1, got " + personsPerPartition);
    }
    if (out == null || out.isBlank()) {
      throw new IllegalArgumentException("--out must not be blank");
    }
  }

  /** Options with the default bad-row rate and partition size. */
  public static GeneratorOptions withDefaults(long customers, long seed, String out) {
    return new GeneratorOptions(customers, seed, out, DEFAULT_BAD_ROW_RATE, DEFAULT_PERSONS_PER_PARTITION);
  }
}
