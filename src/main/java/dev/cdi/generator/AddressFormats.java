package dev.cdi.generator;

import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Renders addresses as systems and people write them. The canonical form is USPS-like ({@code 123 N Main St},
 * {@code Apt 4B}, 5-digit ZIP); each variant is applied independently with the profile's address-variant rate:
 * suffix spelled out or with a period (Street, St.), directional spelled out (North), unit designator variants
 * (Apartment, #, Unit, Apt.) or a missing unit, ZIP+4, ordinal street names as numbers (First to 1st), upper or
 * lower case; street-name typos use the typo rate.
 */
final class AddressFormats {

  /** Rendered address fields. */
  record Lines(String line1, String line2, String city, String state, String zip) {
  }

  private static final Map<String, String> SUFFIX_WORDS = Map.ofEntries(
      Map.entry("St", "Street"), Map.entry("Ave", "Avenue"), Map.entry("Rd", "Road"), Map.entry("Dr", "Drive"),
      Map.entry("Ln", "Lane"), Map.entry("Blvd", "Boulevard"), Map.entry("Ct", "Court"), Map.entry("Way", "Way"),
      Map.entry("Pl", "Place"), Map.entry("Ter", "Terrace"), Map.entry("Pkwy", "Parkway"), Map.entry("Cir", "Circle"));
  private static final Map<String, String> DIRECTION_WORDS =
      Map.of("N", "North", "S", "South", "E", "East", "W", "West");
  private static final Map<String, String> ORDINALS = Map.of("First", "1st", "Second", "2nd", "Third", "3rd",
      "Fourth", "4th", "Fifth", "5th", "Sixth", "6th", "Seventh", "7th", "Eighth", "8th", "Ninth", "9th",
      "Tenth", "10th");

  private AddressFormats() {
  }

  static Lines canonical(Address a) {
    return new Lines(a.street(), a.unit(), a.city().name(), a.state(), a.zip());
  }

  static Lines noisy(SplittableRandom r, Address a, NoiseProfile p) {
    double v = p.addressVariant();
    String streetName = Rng.chance(r, p.streetTypo()) ? Noise.typo(r, a.streetName()) : a.streetName();
    streetName = Rng.chance(r, v) ? ORDINALS.getOrDefault(streetName, streetName) : streetName;
    String suffix = Rng.chance(r, v) ? suffix(r, a.suffix()) : a.suffix();
    String direction = a.direction() != null && Rng.chance(r, v) ? direction(r, a.direction()) : a.direction();
    String line1 = join(a.houseNumber(), direction, streetName, suffix);
    String line2 = a.unitType() != null && Rng.chance(r, v) ? unit(r, a.unitNumber()) : a.unit();
    String zip = Rng.chance(r, v) ? a.zip() + "-" + a.zip4() : a.zip();
    Lines lines = new Lines(line1, line2, a.city().name(), a.state(), zip);
    return Rng.chance(r, v / 2) ? changeCase(r, lines) : lines;
  }

  /** Abbreviated (St), spelled out (Street) or abbreviated with a period (St.). */
  static String suffix(SplittableRandom r, String abbreviation) {
    return switch (r.nextInt(3)) {
      case 0 -> SUFFIX_WORDS.getOrDefault(abbreviation, abbreviation);
      case 1 -> abbreviation + ".";
      default -> abbreviation.toUpperCase(Locale.ROOT);
    };
  }

  /** North for N, or N. */
  static String direction(SplittableRandom r, String abbreviation) {
    return r.nextBoolean() ? DIRECTION_WORDS.getOrDefault(abbreviation, abbreviation) : abbreviation + ".";
  }

  /** Apartment 4B, Apt. 4B, #4B, # 4B, Unit 4B, or no unit at all. */
  static String unit(SplittableRandom r, String number) {
    return switch (r.nextInt(6)) {
      case 0 -> "Apartment " + number;
      case 1 -> "Apt. " + number;
      case 2 -> "#" + number;
      case 3 -> "# " + number;
      case 4 -> "Unit " + number;
      default -> "";
    };
  }

  /** The address on one line: {@code 123 N Main St Apt 4B}. */
  static String oneLine(Lines lines) {
    return lines.line2().isEmpty() ? lines.line1() : lines.line1() + " " + lines.line2();
  }

  private static Lines changeCase(SplittableRandom r, Lines l) {
    Locale root = Locale.ROOT;
    boolean upper = r.nextBoolean();
    return new Lines(upper ? l.line1().toUpperCase(root) : l.line1().toLowerCase(root),
        upper ? l.line2().toUpperCase(root) : l.line2().toLowerCase(root),
        upper ? l.city().toUpperCase(root) : l.city().toLowerCase(root),
        upper ? l.state() : l.state().toLowerCase(root), l.zip());
  }

  private static String join(String houseNumber, String direction, String streetName, String suffix) {
    return direction == null
        ? houseNumber + " " + streetName + " " + suffix
        : houseNumber + " " + direction + " " + streetName + " " + suffix;
  }
}
