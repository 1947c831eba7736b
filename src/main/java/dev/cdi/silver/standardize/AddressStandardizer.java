package dev.cdi.silver.standardize;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Standardizes postal addresses for matching. Immutable, thread-safe and serializable (it carries the small word
 * table {@code /reference/address_abbreviations.csv}); {@link #standardize} never throws.
 *
 * <p>Every field is accent-folded, lower-cased and stripped of punctuation by {@link AddressText} (keeping
 * {@code #} and {@code /} or {@code -} between digits). Street lines: words of the table get their USPS-style short
 * forms ({@code Street} to {@code st}, {@code North} to {@code n}, {@code First} to {@code 1st}, {@code Saint} to
 * {@code st}, see {@link AddressWords}). The first unit marker (apartment, apt, unit, suite, ste, flat, {@code #},
 * and no or number after the first word) followed by an identifier (a word with a digit, or a single letter) is
 * taken out as the unit, from line 1 first, then from line 2 ({@code Apt. 4B}, {@code #4B}, {@code Suite 200}); a
 * line 2 that is only an identifier ({@code 4B}) is the unit as well. Whatever else line 2 holds is appended to line
 * 1, and line 1 without a letter (a bare number) is unusable. Cities get the place words shortened ({@code Saint
 * Louis} to {@code st louis}) and need a letter. Regions follow {@link Regions}, postcodes {@link Postcodes}
 * (which use the country), countries {@link Countries}.
 */
public final class AddressStandardizer implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final String WORDS = "/reference/address_abbreviations.csv";

  private final AddressWords words;

  /** The street line and unit of an address. */
  private record Street(String line1, String unit) {
  }

  /**
   * A standardizer with the word table from the classpath.
   *
   * @throws IllegalStateException when the table is missing or malformed
   */
  public AddressStandardizer() {
    this.words = AddressWords.load(WORDS);
  }

  /** Standardizes one address; every argument may be null. See the class description for the rules. */
  public AddressResult standardize(String line1, String line2, String city, String region, String postcode,
      String country) {
    String iso = Countries.iso2(country);
    if (Stream.of(line1, line2, city, region, postcode).allMatch(s -> Text.clean(s) == null)) {
      return new AddressResult(null, null, null, null, null, iso, null, Validity.MISSING);
    }
    Street street = street(line1, line2);
    String cityOut = city(city);
    String regionOut = Regions.standardize(region, iso);
    String postcodeOut = Postcodes.standardize(postcode, iso);
    boolean usable = Stream.of(street.line1(), cityOut, regionOut, postcodeOut).anyMatch(Objects::nonNull);
    String single = street.line1() == null ? null : singleLine(street, cityOut, regionOut, postcodeOut);
    return new AddressResult(street.line1(), street.unit(), cityOut, regionOut, postcodeOut, iso, single,
        usable ? Validity.VALID : Validity.INVALID);
  }

  private Street street(String line1, String line2) {
    List<String> first = AddressText.words(line1);
    List<String> second = AddressText.words(line2);
    String unit = takeUnit(first, true);
    String secondUnit = takeUnit(second, false);
    if (secondUnit == null && !first.isEmpty() && second.size() == 1 && isUnitId(second.get(0))) {
      secondUnit = second.remove(0);
    }
    List<String> all = new ArrayList<>(first);
    all.addAll(second);
    String text = all.stream().map(words::streetWord).collect(Collectors.joining(" "));
    return new Street(Text.hasLetter(text) ? text : null, unit != null ? unit : secondUnit);
  }

  /** Removes the first unit marker with its identifier from {@code line} and returns the identifier. */
  private String takeUnit(List<String> line, boolean isLine1) {
    for (int i = 0; i < line.size(); i++) {
      AddressWords.Kind kind = words.kindOf(line.get(i));
      boolean numberMarker = kind == AddressWords.Kind.UNIT_NO && !(isLine1 && i == 0);
      if (kind == AddressWords.Kind.UNIT || numberMarker) {
        int id = i + 1;
        while (id < line.size() && words.kindOf(line.get(id)) == AddressWords.Kind.UNIT) {
          id++;
        }
        if (id < line.size() && (numberMarker ? Text.hasDigit(line.get(id)) : isUnitId(line.get(id)))) {
          String unit = line.get(id);
          line.subList(i, id + 1).clear();
          return unit;
        }
      }
    }
    return null;
  }

  private static boolean isUnitId(String word) {
    return Text.hasDigit(word) || word.length() == 1 && Character.isLetter(word.charAt(0));
  }

  private String city(String raw) {
    String text = AddressText.words(raw).stream().map(words::cityWord).collect(Collectors.joining(" "));
    return Text.hasLetter(text) ? text : null;
  }

  private static String singleLine(Street street, String city, String region, String postcode) {
    String unit = street.unit() == null ? null : "unit " + street.unit();
    return Stream.of(street.line1(), unit, city, region, postcode).filter(Objects::nonNull)
        .collect(Collectors.joining(" ")).toLowerCase(Locale.ROOT);
  }
}
