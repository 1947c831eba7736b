package dev.cdi.bronze.parse;

/**
 * The bytes of one record as cut from a file, before decoding.
 *
 * @param bytes      the record's bytes without its line terminator (truncated when {@code problem} says so)
 * @param lineNumber 1-based line of the file where the record starts
 * @param problem    why the record is unusable as cut (too long, unterminated quote), or {@code null}
 */
public record RawRecord(byte[] bytes, long lineNumber, String problem) {

  /** A record containing nothing but white space: not a row. */
  public boolean isBlank() {
    for (byte b : bytes) {
      if (b != ' ' && b != '\t' && b != '\r') {
        return false;
      }
    }
    return problem == null;
  }
}
