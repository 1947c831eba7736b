package dev.cdi.generator;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.SplittableRandom;

/**
 * The fixed simulated time window, 2024-01-01T00:00Z to 2025-06-30T23:59Z, and draws of instants inside it. The
 * wall clock is never read. Ages are computed on {@link #AGE_REFERENCE_DATE}.
 */
final class SimTime {

  static final Instant START = Instant.parse("2024-01-01T00:00:00Z");
  static final Instant END = Instant.parse("2025-06-30T23:59:00Z");
  static final LocalDate AGE_REFERENCE_DATE = LocalDate.of(2025, 6, 30);

  private SimTime() {
  }

  /** Uniform over the window. */
  static Instant uniform(SplittableRandom r) {
    return between(r, START, END);
  }

  /** Uniform in [from, to); {@code from} when the range is empty. */
  static Instant between(SplittableRandom r, Instant from, Instant to) {
    long span = to.toEpochMilli() - from.toEpochMilli();
    return span <= 0 ? from : from.plusMillis(r.nextLong(span));
  }

  /** Skewed to the start of the window (density 2(1-x)): records of older systems. */
  static Instant earlyBiased(SplittableRandom r) {
    double u = 1 - Math.sqrt(1 - r.nextDouble());
    return START.plusMillis((long) (u * (END.toEpochMilli() - START.toEpochMilli())));
  }

  /** Uniform between {@code t} and {@code t + max}, the upper bound capped at the end of the window. */
  static Instant plusUpTo(SplittableRandom r, Instant t, Duration max) {
    Instant limit = t.plus(max);
    return between(r, t, limit.isAfter(END) ? END : limit);
  }
}
