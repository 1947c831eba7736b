package dev.cdi.silver.standardize;

/**
 * Outcome of standardizing one attribute: {@link #VALID} when a usable value came out, {@link #MISSING} when the
 * input was null or blank (only whitespace, control or invisible characters), and {@link #INVALID} when something
 * was there but could not be used (bad syntax, placeholder, garbage); invalid values are returned as null.
 */
public enum Validity {
  VALID, INVALID, MISSING
}
