package dev.cdi.silver.standardize;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The nickname table: match key of a nickname to the match keys of the formal names it can stand for, sorted.
 * Read from a CSV resource with the header {@code nickname,canonical}, one pair per line; a nickname may appear on
 * several lines (Steve for Steven and Stephen). Immutable and serializable.
 */
final class NicknameTable implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final String HEADER = "nickname,canonical";

  private final Map<String, List<String>> canonicals;

  private NicknameTable(Map<String, List<String>> canonicals) {
    this.canonicals = canonicals;
  }

  /**
   * Loads the table from the classpath.
   *
   * @param resource absolute resource path such as {@code /reference/nicknames.csv}
   * @param keyOf    turns a name into its match key
   * @throws IllegalStateException when the resource is missing or malformed
   */
  static NicknameTable load(String resource, Function<String, String> keyOf) {
    try (InputStream in = NicknameTable.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("nickname table " + resource + " is not on the classpath");
      }
      return new NicknameTable(read(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)),
          resource, keyOf));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read nickname table " + resource, e);
    }
  }

  /** The keys of the formal names {@code key} is a nickname of, sorted; empty when it is none. */
  List<String> canonicalsOf(String key) {
    return canonicals.getOrDefault(key, List.of());
  }

  private static Map<String, List<String>> read(BufferedReader reader, String resource,
      Function<String, String> keyOf) throws IOException {
    String header = reader.readLine();
    if (header == null || !HEADER.equals(header.replace("\uFEFF", "").strip())) {
      throw new IllegalStateException(resource + ": expected the header '" + HEADER + "'");
    }
    Map<String, TreeSet<String>> sets = new HashMap<>();
    String line;
    int lineNumber = 1;
    while ((line = reader.readLine()) != null) {
      lineNumber++;
      if (!line.isBlank()) {
        String[] fields = line.split(",", -1);
        if (fields.length != 2 || keyOf.apply(fields[0]).isEmpty() || keyOf.apply(fields[1]).isEmpty()) {
          throw new IllegalStateException(resource + " line " + lineNumber + ": expected 'nickname,canonical'");
        }
        sets.computeIfAbsent(keyOf.apply(fields[0]), k -> new TreeSet<>()).add(keyOf.apply(fields[1]));
      }
    }
    Map<String, List<String>> table = new HashMap<>();
    sets.forEach((nickname, names) -> table.put(nickname, List.copyOf(names)));
    return Map.copyOf(table);
  }
}
