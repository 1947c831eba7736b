package dev.cdi.generator;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The reference tables under {@code src/main/resources/reference/}: given names with gender and weight, nicknames,
 * surnames with weight, street names and US cities. Loaded once per JVM (so once per executor, shared by its
 * tasks) from the classpath; immutable and thread-safe. The files are plain comma-separated text without quoting.
 */
final class ReferenceData {

  private static final String FOLDER = "/reference/";

  private final WeightedList<String> maleNames;
  private final WeightedList<String> femaleNames;
  private final WeightedList<String> surnames;
  private final WeightedList<String> streets;
  private final WeightedList<City> cities;
  private final Map<String, List<String>> nicknamesByCanonical;

  private ReferenceData() {
    List<String[]> given = read("given_names.csv", 3);
    this.maleNames = weighted(given.stream().filter(row -> Gender.of(row[1]) == Gender.MALE).toList(), 2);
    this.femaleNames = weighted(given.stream().filter(row -> Gender.of(row[1]) == Gender.FEMALE).toList(), 2);
    this.surnames = weighted(read("surnames.csv", 2), 1);
    this.streets = WeightedList.uniform(read("streets.csv", 1).stream().map(row -> row[0]).toList());
    this.cities = loadCities();
    this.nicknamesByCanonical = loadNicknames();
  }

  private static final class Holder {
    private static final ReferenceData INSTANCE = new ReferenceData();
  }

  /** The shared instance, loaded on first use. */
  static ReferenceData get() {
    return Holder.INSTANCE;
  }

  WeightedList<String> givenNames(Gender gender) {
    return gender == Gender.MALE ? maleNames : femaleNames;
  }

  WeightedList<String> surnames() {
    return surnames;
  }

  WeightedList<String> streets() {
    return streets;
  }

  WeightedList<City> cities() {
    return cities;
  }

  /** Common nicknames of a canonical given name (Robert: Bob, Bobby, Rob, ...); empty when none. */
  List<String> nicknamesOf(String canonical) {
    return nicknamesByCanonical.getOrDefault(canonical, List.of());
  }

  /** The probability that a random person of that gender has this given name and surname. */
  double nameShare(Gender gender, String given, String surname) {
    return givenNames(gender).share(given) * surnames.share(surname);
  }

  private WeightedList<City> loadCities() {
    List<String[]> rows = read("cities.csv", 5);
    List<City> items = new ArrayList<>();
    List<Double> weights = new ArrayList<>();
    for (String[] row : rows) {
      List<String> areaCodes = Arrays.asList(row[3].trim().split(" +"));
      items.add(new City(row[0], row[1], row[2], List.copyOf(areaCodes), items.size()));
      weights.add(Double.parseDouble(row[4]));
    }
    return new WeightedList<>(items, weights);
  }

  private Map<String, List<String>> loadNicknames() {
    Map<String, List<String>> byCanonical = new HashMap<>();
    for (String[] row : read("nicknames.csv", 2)) {
      byCanonical.computeIfAbsent(row[1], key -> new ArrayList<>()).add(row[0]);
    }
    byCanonical.replaceAll((key, list) -> Collections.unmodifiableList(list));
    return Collections.unmodifiableMap(byCanonical);
  }

  private static WeightedList<String> weighted(List<String[]> rows, int weightColumn) {
    List<String> items = rows.stream().map(row -> row[0]).toList();
    List<Double> weights = rows.stream().map(row -> Double.parseDouble(row[weightColumn])).toList();
    return new WeightedList<>(items, weights);
  }

  /** Reads a resource, skipping the header, and checks that each row has the expected number of fields. */
  static List<String[]> read(String file, int columns) {
    try (InputStream in = ReferenceData.class.getResourceAsStream(FOLDER + file)) {
      if (in == null) {
        throw new IllegalStateException("missing classpath resource " + FOLDER + file);
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      List<String[]> rows = new ArrayList<>();
      reader.readLine();
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (!line.isBlank()) {
          rows.add(split(file, line, columns));
        }
      }
      return rows;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + FOLDER + file, e);
    }
  }

  private static String[] split(String file, String line, int columns) {
    String[] fields = line.split(",", -1);
    if (fields.length != columns) {
      throw new IllegalStateException(file + ": expected " + columns + " fields in line: " + line);
    }
    return fields;
  }
}
