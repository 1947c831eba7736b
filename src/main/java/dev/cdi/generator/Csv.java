package dev.cdi.generator;

/**
 * RFC 4180 rendering: fields containing the delimiter, a double quote, CR or LF are enclosed in double quotes with
 * inner quotes doubled; null renders as an empty field. Lines are returned without their line terminator.
 */
final class Csv {

  private Csv() {
  }

  static String line(String[] fields, char delimiter) {
    StringBuilder out = new StringBuilder(128);
    for (int i = 0; i < fields.length; i++) {
      if (i > 0) {
        out.append(delimiter);
      }
      appendField(out, fields[i], delimiter);
    }
    return out.toString();
  }

  static void appendField(StringBuilder out, String field, char delimiter) {
    if (field == null || field.isEmpty()) {
      return;
    }
    if (!needsQuotes(field, delimiter)) {
      out.append(field);
      return;
    }
    out.append('"');
    for (int i = 0; i < field.length(); i++) {
      char c = field.charAt(i);
      if (c == '"') {
        out.append('"');
      }
      out.append(c);
    }
    out.append('"');
  }

  static boolean needsQuotes(String field, char delimiter) {
    for (int i = 0; i < field.length(); i++) {
      char c = field.charAt(i);
      if (c == delimiter || c == '"' || c == '\n' || c == '\r') {
        return true;
      }
    }
    return false;
  }
}
