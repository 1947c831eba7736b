package dev.cdi.generator;

/**
 * A US postal address in canonical (USPS-abbreviated) parts.
 *
 * @param houseNumber house number
 * @param direction   pre-directional N, S, E or W, or null
 * @param streetName  street base name (Main, Martin Luther King Jr)
 * @param suffix      USPS suffix abbreviation (St, Ave, Rd, ...)
 * @param unitType    Apt or Unit, or null when there is no unit
 * @param unitNumber  unit number (4B), or null
 * @param city        city, which also gives the state
 * @param zip         5-digit ZIP code
 * @param zip4        ZIP+4 add-on (4 digits)
 */
record Address(String houseNumber, String direction, String streetName, String suffix, String unitType,
               String unitNumber, City city, String zip, String zip4) {

  /** {@code 123 N Main St}. */
  String street() {
    StringBuilder street = new StringBuilder(houseNumber);
    if (direction != null) {
      street.append(' ').append(direction);
    }
    return street.append(' ').append(streetName).append(' ').append(suffix).toString();
  }

  /** {@code Apt 4B}, or the empty string. */
  String unit() {
    return unitType == null ? "" : unitType + " " + unitNumber;
  }

  String state() {
    return city.state();
  }
}
