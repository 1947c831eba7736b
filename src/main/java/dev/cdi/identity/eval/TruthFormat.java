package dev.cdi.identity.eval;

import java.util.Arrays;
import java.util.Locale;

/** Storage format of a labelled truth table. */
public enum TruthFormat {
  /** CSV with a header row; every value is read as a string. */
  CSV,
  PARQUET,
  DELTA;

  /** Parses "csv", "parquet" or "delta" (any case). */
  public static TruthFormat parse(String name) {
    for (TruthFormat f : values()) {
      if (f.name().equalsIgnoreCase(name == null ? "" : name.strip())) {
        return f;
      }
    }
    throw new IllegalArgumentException("truth format must be one of " + Arrays.toString(Arrays.stream(values())
        .map(f -> f.name().toLowerCase(Locale.ROOT)).toArray()) + ", got '" + name + "'");
  }
}
