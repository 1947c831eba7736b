package dev.cdi.generator;

import java.util.SplittableRandom;

/**
 * Draws random US addresses: house numbers skewed to small values, a street from {@code streets.csv} with a
 * weighted suffix, an optional pre-directional ({@value #DIRECTION_RATE}) and unit ({@value #UNIT_RATE}), and a
 * ZIP code starting with the city's ZIP prefix.
 */
final class AddressFactory {

  static final double DIRECTION_RATE = 0.15;
  static final double UNIT_RATE = 0.25;

  private static final String[] SUFFIXES =
      {"St", "Ave", "Rd", "Dr", "Ln", "Blvd", "Ct", "Way", "Pl", "Ter", "Pkwy", "Cir"};
  private static final double[] SUFFIX_WEIGHTS = {30, 20, 12, 12, 8, 4, 5, 4, 2, 1, 1, 1};
  private static final String[] DIRECTIONS = {"N", "S", "E", "W"};

  private AddressFactory() {
  }

  static Address random(SplittableRandom r, ReferenceData ref, City city) {
    String direction = Rng.chance(r, DIRECTION_RATE) ? Rng.pickOf(r, DIRECTIONS) : null;
    String street = ref.streets().pick(r);
    String suffix = SUFFIXES[Rng.weighted(r, SUFFIX_WEIGHTS)];
    boolean hasUnit = Rng.chance(r, UNIT_RATE);
    String unitType = hasUnit ? (Rng.chance(r, 0.8) ? "Apt" : "Unit") : null;
    String unitNumber = hasUnit ? unitNumber(r) : null;
    String zip = city.zip3() + Ids.zeroPad(Rng.between(r, 1, 60), 2);
    return new Address(houseNumber(r), direction, street, suffix, unitType, unitNumber, city, zip, Rng.digits(r, 4));
  }

  private static String houseNumber(SplittableRandom r) {
    return Integer.toString(switch (Rng.weighted(r, 20, 45, 30, 5)) {
      case 0 -> Rng.between(r, 1, 99);
      case 1 -> Rng.between(r, 100, 999);
      case 2 -> Rng.between(r, 1000, 9999);
      default -> Rng.between(r, 10000, 29999);
    });
  }

  private static String unitNumber(SplittableRandom r) {
    int number = Rng.between(r, 1, 40);
    return Rng.chance(r, 0.3) ? number + Rng.pickOf(r, "A", "B", "C", "D") : Integer.toString(number);
  }
}
