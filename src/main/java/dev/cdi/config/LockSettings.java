package dev.cdi.config;

import java.time.Duration;

/**
 * The lakehouse lock that keeps two runs from writing one lakehouse at once.
 *
 * @param waitFor    how long a run waits for another run's lock before failing (zero: fail at once)
 * @param staleAfter a lock whose owner has not renewed it for this long is taken over (its owner is presumed dead);
 *                   a lock whose owner process is gone from this host is taken over at once
 */
public record LockSettings(Duration waitFor, Duration staleAfter) {

  public static final LockSettings DEFAULTS = new LockSettings(Duration.ZERO, Duration.ofMinutes(10));

  /** How often the owner renews its lock: a quarter of {@link #staleAfter}, at least every second. */
  public Duration heartbeatEvery() {
    return Duration.ofMillis(Math.max(1000, staleAfter.toMillis() / 4));
  }
}
