package dev.cdi.privacy;

/**
 * How {@code erase} runs.
 *
 * @param maxCustomers most customers one requested identifier may lead to (more means it is shared or a
 *                     placeholder, and the request is refused)
 * @param retainHours  files removed less than this long ago survive the VACUUM (0: none; a longer retention
 *                     protects concurrent readers, and the erased data stays on storage that long)
 * @param dryRun       only resolve and count, write nothing
 */
public record ErasureSettings(int maxCustomers, int retainHours, boolean dryRun) {

  /** The defaults: one customer per identifier, no retention, for real. */
  public static final ErasureSettings DEFAULTS = new ErasureSettings(1, 0, false);

  public ErasureSettings {
    if (maxCustomers < 1) {
      throw new IllegalArgumentException("--max-customers must be >= 1, got " + maxCustomers);
    }
    if (retainHours < 0 || retainHours > 24 * 30) {
      throw new IllegalArgumentException("--retain-hours must be in [0, 720], got " + retainHours);
    }
  }

  public ErasureSettings withMaxCustomers(int value) {
    return new ErasureSettings(value, retainHours, dryRun);
  }

  public ErasureSettings withRetainHours(int value) {
    return new ErasureSettings(maxCustomers, value, dryRun);
  }

  public ErasureSettings asDryRun() {
    return new ErasureSettings(maxCustomers, retainHours, true);
  }
}
