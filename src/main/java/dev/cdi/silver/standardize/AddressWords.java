package dev.cdi.silver.standardize;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The address word table, read from a CSV resource with the header {@code word,short,kind}. Kinds:
 * {@code suffix} (street types, street to st), {@code direction} (north to n), {@code ordinal} (first to 1st),
 * {@code place} (saint to st, mount to mt, fort to ft: also applied to city names), {@code unit} (words that mark a
 * unit: apartment, apt, suite, flat, #...) and {@code unit_no} (no, number: unit markers only when they are not the
 * first word of the street line and the next word has a digit, since {@code No. 5 Main St} is a house number).
 * Immutable and serializable.
 */
final class AddressWords implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final String HEADER = "word,short,kind";

  /** What a word of the table is. */
  enum Kind { SUFFIX, DIRECTION, ORDINAL, PLACE, UNIT, UNIT_NO }

  private record Entry(String shortForm, Kind kind) implements Serializable {
  }

  private final Map<String, Entry> entries;

  private AddressWords(Map<String, Entry> entries) {
    this.entries = entries;
  }

  /**
   * Loads the table from the classpath.
   *
   * @throws IllegalStateException when the resource is missing or malformed
   */
  static AddressWords load(String resource) {
    try (InputStream in = AddressWords.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("address word table " + resource + " is not on the classpath");
      }
      return new AddressWords(read(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)), resource));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read address word table " + resource, e);
    }
  }

  /** The short form of a street-line word (street types, directions, ordinals, place words), or the word. */
  String streetWord(String word) {
    Entry entry = entries.get(word);
    return entry == null || isUnitKind(entry.kind()) ? word : entry.shortForm();
  }

  /** The short form of a city word (place words only), or the word. */
  String cityWord(String word) {
    Entry entry = entries.get(word);
    return entry != null && entry.kind() == Kind.PLACE ? entry.shortForm() : word;
  }

  /** The kind of {@code word}, or null when the table does not have it. */
  Kind kindOf(String word) {
    Entry entry = entries.get(word);
    return entry == null ? null : entry.kind();
  }

  private static boolean isUnitKind(Kind kind) {
    return kind == Kind.UNIT || kind == Kind.UNIT_NO;
  }

  private static Map<String, Entry> read(BufferedReader reader, String resource) throws IOException {
    String header = reader.readLine();
    if (header == null || !HEADER.equals(header.replace("\uFEFF", "").strip())) {
      throw new IllegalStateException(resource + ": expected the header '" + HEADER + "'");
    }
    Map<String, Entry> entries = new HashMap<>();
    String line;
    int lineNumber = 1;
    while ((line = reader.readLine()) != null) {
      lineNumber++;
      if (!line.isBlank()) {
        String[] f = line.strip().split(",", -1);
        if (f.length != 3 || f[0].isEmpty() || f[1].isEmpty()) {
          throw new IllegalStateException(resource + " line " + lineNumber + ": expected 'word,short,kind'");
        }
        entries.put(f[0], new Entry(f[1], kind(f[2], resource, lineNumber)));
      }
    }
    return Map.copyOf(entries);
  }

  private static Kind kind(String name, String resource, int lineNumber) {
    try {
      return Kind.valueOf(name.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(resource + " line " + lineNumber + ": unknown kind '" + name + "'", e);
    }
  }
}
