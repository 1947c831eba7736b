package dev.cdi.identity.eval;

/** Escaping for HTML and SVG (XML) text and attribute values. */
public final class Html {

  private Html() {
  }

  /** Escapes {@code & < > " '}; null becomes the empty string. Safe in element text and quoted attributes. */
  public static String escape(String value) {
    if (value == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(value.length() + 16);
    for (char c : value.toCharArray()) {
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
