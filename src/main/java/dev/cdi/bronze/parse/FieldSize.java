package dev.cdi.bronze.parse;

import java.nio.charset.StandardCharsets;

/** The field size limit, shared by the CSV and JSON parsers. */
final class FieldSize {

  private FieldSize() {
  }

  /** Whether {@code value} encodes to more than {@code maxBytes} UTF-8 bytes (cheap for short values). */
  static boolean exceeds(String value, int maxBytes) {
    if ((long) value.length() * 3 <= maxBytes) {
      return false;
    }
    return value.getBytes(StandardCharsets.UTF_8).length > maxBytes;
  }

  static String describe(String field, String value, int maxBytes) {
    return "field '" + field + "' is " + value.getBytes(StandardCharsets.UTF_8).length
        + " bytes, over ingest.max_field_bytes (" + maxBytes + ")";
  }
}
