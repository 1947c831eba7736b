package dev.cdi.bronze.parse;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Turns raw header names and JSON keys into Delta-safe, unique column names. Delta rejects the characters
 * {@code " ,;{}()\n\t="} in column names and compares names case-insensitively, so those characters become
 * {@code _}, blank names become {@code column_<1-based position>}, names that would clash with the engine's own lineage
 * columns (which start with {@code _}) get a {@code raw} prefix, and a name equal (ignoring case) to an earlier one
 * gets {@code __2}, {@code __3}, ... in order. The mapping depends only on the input order, so it is stable,
 * and applying it twice changes nothing.
 */
public final class ColumnNames {

  private static final String INVALID = " ,;{}()\n\t=";

  private ColumnNames() {
  }

  /** A Delta-safe form of one name (without uniqueness handling). */
  public static String sanitize(String raw, int position) {
    String trimmed = raw == null ? "" : raw.strip();
    if (trimmed.isEmpty()) {
      return "column_" + (position + 1);
    }
    StringBuilder out = new StringBuilder(trimmed.length());
    for (int i = 0; i < trimmed.length(); i++) {
      char c = trimmed.charAt(i);
      out.append(INVALID.indexOf(c) >= 0 || Character.isISOControl(c) ? '_' : c);
    }
    String name = out.toString();
    return name.startsWith("_") ? "raw" + name : name;
  }

  /** Sanitized, unique names for {@code raws} in order. */
  public static List<String> uniquify(List<String> raws) {
    List<String> out = new ArrayList<>(raws.size());
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < raws.size(); i++) {
      String base = sanitize(raws.get(i), i);
      String candidate = base;
      int suffix = 2;
      while (!seen.add(candidate.toLowerCase(Locale.ROOT))) {
        candidate = base + "__" + suffix++;
      }
      out.add(candidate);
    }
    return out;
  }
}
