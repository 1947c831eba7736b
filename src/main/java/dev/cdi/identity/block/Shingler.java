package dev.cdi.identity.block;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Cuts one attribute column into shingles. Every shingle is prefixed with the attribute and the kind (for example
 * {@code surname:q2:sm}), so the same text in two attributes, or cut two ways, never collides. The attribute is the
 * column unless renamed with {@link #as}: shinglers given one attribute share their shingles, so for example
 * {@code qgrams("given_name").as("name")} and {@code qgrams("surname").as("name")} tolerate swapped names.
 *
 * <p>A shingler {@linkplain #keyedBy keyed by} another column qualifies each shingle with that column's exact value
 * ({@code family_key:q2@birth_date:1956-04-09|sm}), so two records share its shingles only when their key values are
 * equal: an AND of an exact key and a fuzzy attribute inside one view (family names alike among records born on
 * one day). A record whose key is null or blank has no such shingles.
 *
 * @param column    the input column (strings; dates and numbers are read as their string form, dates as yyyy-MM-dd)
 * @param kind      how to cut the value
 * @param q         the q-gram length for {@link ShingleKind#QGRAMS} (1 to 8), 0 for the other kinds
 * @param attribute the shingles' prefix; null means the column
 * @param keyedBy   the column whose exact value qualifies every shingle; null for none
 */
public record Shingler(String column, ShingleKind kind, int q, String attribute, String keyedBy)
    implements Serializable {

  /** The q-gram length {@link #qgrams(String)} uses. */
  public static final int DEFAULT_Q = 2;
  /** Pads values on both sides with q - 1 of this, so even a one-letter value yields q-grams. */
  public static final char BOUNDARY = '#';
  private static final int MAX_Q = 8;
  /** Ends the key value in a keyed shingle. */
  static final char KEY_SEPARATOR = '|';
  private static final Pattern WHITESPACE = Pattern.compile("\\s+");

  public Shingler {
    if (column == null || column.isBlank()) {
      throw new IllegalArgumentException("lsh.shingler.column must not be blank, got '" + column + "'");
    }
    Objects.requireNonNull(kind, () -> "lsh.shingler.kind must be set for column " + column);
    if (kind == ShingleKind.QGRAMS && (q < 1 || q > MAX_Q)) {
      throw new IllegalArgumentException("lsh.shingler.q must be between 1 and " + MAX_Q + " for QGRAMS, got " + q
          + " (column " + column + ")");
    }
    if (kind != ShingleKind.QGRAMS && q != 0) {
      throw new IllegalArgumentException("lsh.shingler.q must be 0 for " + kind + ", got " + q + " (column "
          + column + ")");
    }
    if (attribute == null) {
      attribute = column;
    } else if (attribute.isBlank()) {
      throw new IllegalArgumentException("lsh.shingler.attribute must not be blank (column " + column + ")");
    }
    if (keyedBy != null && (keyedBy.isBlank() || keyedBy.equals(column))) {
      throw new IllegalArgumentException("lsh.shingler.keyed_by must name another column than " + column + ", got '"
          + keyedBy + "'");
    }
  }

  /** A shingler of {@code column} whose attribute is the column. */
  public Shingler(String column, ShingleKind kind, int q) {
    this(column, kind, q, null, null);
  }

  /** The same shingler with its shingles prefixed by {@code sharedAttribute} instead. */
  public Shingler as(String sharedAttribute) {
    return new Shingler(column, kind, q, sharedAttribute, keyedBy);
  }

  /** The same shingler with every shingle qualified by the exact value of {@code keyColumn}. */
  public Shingler keyedBy(String keyColumn) {
    return new Shingler(column, kind, q, attribute, keyColumn);
  }

  /** Whether the shingles are qualified by a key column's value. */
  public boolean keyed() {
    return keyedBy != null;
  }

  /** Character q-grams of length {@code q}. */
  public static Shingler qgrams(String column, int q) {
    return new Shingler(column, ShingleKind.QGRAMS, q);
  }

  /** Character bigrams ({@link #DEFAULT_Q}). */
  public static Shingler qgrams(String column) {
    return qgrams(column, DEFAULT_Q);
  }

  /** Whitespace-separated words. */
  public static Shingler tokens(String column) {
    return new Shingler(column, ShingleKind.TOKENS, 0);
  }

  /** The whole value. */
  public static Shingler value(String column) {
    return new Shingler(column, ShingleKind.VALUE, 0);
  }

  /**
   * The distinct prefixed shingles of {@code value}, in order of first appearance. The value is trimmed and runs
   * of whitespace collapse to one space; a null or blank value has none.
   */
  public List<String> shingles(String value) {
    if (keyed()) {
      throw new IllegalStateException("shingler of " + column + " is keyed by " + keyedBy + ": pass the key value");
    }
    return shingles(value, null);
  }

  /**
   * The distinct prefixed shingles of {@code value} qualified by {@code key} (normalized like the value) when the
   * shingler is {@linkplain #keyed() keyed}; none when the key is null or blank. An unkeyed shingler ignores
   * {@code key}.
   */
  public List<String> shingles(String value, String key) {
    if (value == null || value.isBlank() || keyed() && (key == null || key.isBlank())) {
      return List.of();
    }
    String text = normalize(value);
    String prefix = keyed() ? prefix() + normalize(key) + KEY_SEPARATOR : prefix();
    Set<String> out = new LinkedHashSet<>();
    switch (kind) {
      case QGRAMS -> addQgrams(text, prefix, out);
      case TOKENS -> {
        for (String token : text.split(" ")) {
          out.add(prefix + token);
        }
      }
      case VALUE -> out.add(prefix + text);
    }
    return new ArrayList<>(out);
  }

  private void addQgrams(String text, String prefix, Set<String> out) {
    String pad = String.valueOf(BOUNDARY).repeat(q - 1);
    String padded = pad + text + pad;
    for (int i = 0; i + q <= padded.length(); i++) {
      out.add(prefix + padded.substring(i, i + q));
    }
  }

  /** Trims and collapses each run of whitespace to one space; returns {@code value} itself when already so. */
  static String normalize(String value) {
    String text = value.strip();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c) && (c != ' ' || Character.isWhitespace(text.charAt(i + 1)))) {
        return WHITESPACE.matcher(text).replaceAll(" ");
      }
    }
    return text;
  }

  /** The prefix of every shingle: attribute, kind tag, the key column when keyed, colons. */
  String prefix() {
    String tag = switch (kind) {
      case QGRAMS -> "q" + q;
      case TOKENS -> "t";
      case VALUE -> "v";
    };
    return attribute + ":" + tag + (keyed() ? "@" + keyedBy : "") + ":";
  }
}
