package dev.cdi.silver.standardize;

import static dev.cdi.silver.standardize.Validity.INVALID;
import static dev.cdi.silver.standardize.Validity.MISSING;
import static dev.cdi.silver.standardize.Validity.VALID;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class AddressStandardizerTest {

  private static final AddressStandardizer ADDRESSES = new AddressStandardizer();
  private static final String SF_LINE = "123 n main st unit 4b san francisco ca 94105";

  private static Arguments address(String line1, String line2, String city, String region, String postcode,
      String country, AddressResult expected) {
    return Arguments.of(line1, line2, city, region, postcode, country, expected);
  }

  private static AddressResult result(String line1, String unit, String city, String region, String postcode,
      String country, String singleLine, Validity validity) {
    return new AddressResult(line1, unit, city, region, postcode, country, singleLine, validity);
  }

  static Stream<Arguments> addresses() {
    return Stream.of(
        address("123 N. Main Street, Apt. 4B", null, "San Francisco", "California", "94105-1234", "USA",
            result("123 n main st", "4b", "san francisco", "CA", "94105", "US", SF_LINE, VALID)),
        address("123 North Main St", "#4B", "SAN FRANCISCO", "ca", "94105", "U.S.A.",
            result("123 n main st", "4b", "san francisco", "CA", "94105", "US", SF_LINE, VALID)),
        address("123 NORTH MAIN ST.", "Apartment 4-B", "san francisco", "CA", "941051234", "United States",
            result("123 n main st", "4b", "san francisco", "CA", "94105", "US", SF_LINE, VALID)),
        address("123 n main st #4b", null, "San Francisco", "CA", "94105", null,
            result("123 n main st", "4b", "san francisco", "CA", "94105", null, SF_LINE, VALID)),
        address("456 Oak Avenue", "Suite 200", "Springfield", "IL", "62704", "US",
            result("456 oak ave", "200", "springfield", "IL", "62704", "US",
                "456 oak ave unit 200 springfield il 62704", VALID)),
        address("789 Elm Blvd Unit 4b", "", "Austin", "Texas", "78701", "us",
            result("789 elm blvd", "4b", "austin", "TX", "78701", "US", "789 elm blvd unit 4b austin tx 78701", VALID)),
        address("Apt 5", "1 First Avenue", "New York", "New York", "10001", null,
            result("1 1st ave", "5", "new york", "NY", "10001", null, "1 1st ave unit 5 new york ny 10001", VALID)),
        address("500 Saint Charles Ave", null, "Saint Louis", "MO", "63101", "US",
            result("500 st charles ave", null, "st louis", "MO", "63101", "US", "500 st charles ave st louis mo 63101",
                VALID)),
        address("P.O. Box 12", null, "Mt. Vernon", "N.Y.", "10550", "America",
            result("po box 12", null, "mt vernon", "NY", "10550", "US", "po box 12 mt vernon ny 10550", VALID)),
        address("No 5 Main Street", "Building 5", "Boston", "MA", "2134", "US",
            result("no 5 main st building 5", null, "boston", "MA", "2134", "US",
                "no 5 main st building 5 boston ma 2134", VALID)),
        address("10 Downing Street", null, "London", null, "sw1a2aa", "UK",
            result("10 downing st", null, "london", null, "SW1A 2AA", "GB", "10 downing st london sw1a 2aa", VALID)),
        address("Flat 3, 221B Baker St", null, "London", null, "NW1 6XE", "Great Britain",
            result("221b baker st", "3", "london", null, "NW1 6XE", "GB", "221b baker st unit 3 london nw1 6xe",
                VALID)),
        address("24 Sussex Drive", null, "Ottawa", "Ontario", "k1a0b1", "Canada",
            result("24 sussex dr", null, "ottawa", "ON", "K1A 0B1", "CA", "24 sussex dr ottawa on k1a 0b1", VALID)),
        address("12/3 George St", null, "Sydney", "nsw", "2000", "Australia",
            result("12/3 george st", null, "sydney", "NSW", "2000", "AU", "12/3 george st sydney nsw 2000", VALID)),
        address("1 Collins Street", null, "Melbourne", "Victoria", "3000", "AUS",
            result("1 collins st", null, "melbourne", "VIC", "3000", "AU", "1 collins st melbourne vic 3000", VALID)),
        address("Müllerstraße 5", null, "München", "Bayern", "80331", "Deutschland",
            result("mullerstrasse 5", null, "munchen", "bayern", "80331", "DE", "mullerstrasse 5 munchen bayern 80331",
                VALID)),
        address("Av. Reforma 222", "Piso 3", "Ciudad de México", "CDMX", "06600", "México",
            result("ave reforma 222 piso 3", null, "ciudad de mexico", "cdmx", "06600", "MX",
                "ave reforma 222 piso 3 ciudad de mexico cdmx 06600", VALID)),
        address("12 Rue Saint-Denis", null, "Paris", null, "75001", "France",
            result("12 rue st denis", null, "paris", null, "75001", "FR", "12 rue st denis paris 75001", VALID)),
        address("Keizersgracht 1", null, "Amsterdam", null, "1015 cs", "The Netherlands",
            result("keizersgracht 1", null, "amsterdam", null, "1015CS", "NL", "keizersgracht 1 amsterdam 1015cs",
                VALID)),
        address("77 O'Connell St W", null, "Dublin", null, null, "Ireland",
            result("77 oconnell st w", null, "dublin", null, null, "IE", "77 oconnell st w dublin", VALID)),
        address("1 Main St", null, null, null, "SW1A 1AA", null,
            result("1 main st", null, null, null, "SW1A 1AA", null, "1 main st sw1a 1aa", VALID)),
        address("1 Main St", null, null, null, "94105 1234", "Narnia",
            result("1 main st", null, null, null, "94105", null, "1 main st 94105", VALID)),
        address(null, null, "Boston", "MA", null, null,
            result(null, null, "boston", "MA", null, null, null, VALID)),
        address(null, null, null, null, "94105", "US", result(null, null, null, null, "94105", "US", null, VALID)),
        address(null, null, null, null, null, null, result(null, null, null, null, null, null, null, MISSING)),
        address("", " ", "\t", "\u00A0", "\u200B", null, result(null, null, null, null, null, null, null, MISSING)),
        address(null, null, null, null, null, "US", result(null, null, null, null, null, "US", null, MISSING)),
        address("12345", null, null, null, null, null, result(null, null, null, null, null, null, null, INVALID)),
        address("😀", "{}", "12345", "?", "N/A", "true",
            result(null, null, null, null, null, null, null, INVALID)),
        address(TestInputs.HUGE, null, "Boston", null, TestInputs.HUGE_DIGITS, null,
            result(null, null, "boston", null, null, null, null, VALID)),
        address("1 Main St\u0000\r\n", "Apt\t7", "Salt Lake City", "Utah", "84101", "US",
            result("1 main st", "7", "salt lake city", "UT", "84101", "US", "1 main st unit 7 salt lake city ut 84101",
                VALID)),
        address("1 Main St", null, "東京", "東京都", "100-0001", "Japan",
            result("1 main st", null, "東京", "東京都", "1000001", "JP", "1 main st 東京 東京都 1000001", VALID)));
  }

  @ParameterizedTest
  @MethodSource("addresses")
  void standardizes(String line1, String line2, String city, String region, String postcode, String country,
      AddressResult expected) {
    assertEquals(expected, ADDRESSES.standardize(line1, line2, city, region, postcode, country));
  }

  @ParameterizedTest
  @CsvSource(nullValues = "NULL", value = {
      "94105-1234, US, 94105",
      "94105 1234, NULL, 94105",
      "941051234, US, 94105",
      "941051234, NULL, 941051234",
      "9410, US, 9410",
      "sw1a1aa, GB, SW1A 1AA",
      "sw1a1aa, NULL, SW1A 1AA",
      "SW1A  1AA, UK, SW1A 1AA",
      "m1 1ae, GB, M1 1AE",
      "k1a0b1, CA, K1A 0B1",
      "K1A-0B1, NULL, K1A 0B1",
      "k1a0b1, US, K1A0B1",
      "1234 ab, NL, 1234AB",
      "D02 X285, IE, D02X285",
      "n/a, US, NULL",
      "none, NULL, NULL",
      "12345678901, NULL, NULL"})
  void standardizesPostcodes(String postcode, String country, String expected) {
    assertEquals(expected, ADDRESSES.standardize("1 Main St", null, null, null, postcode, country).postcode());
  }

  @ParameterizedTest
  @CsvSource(nullValues = "NULL", value = {
      "US, US", "usa, US", "U.S.A., US", "United States, US", "United States of America, US", "UK, GB",
      "United Kingdom, GB", "great britain, GB", "England, GB", "GB, GB", "GBR, GB", "Canada, CA", "Australia, AU",
      "Germany, DE", "Deutschland, DE", "Mexico, MX", "México, MX", "côte d’ivoire, CI", "Narnia, NULL",
      "12345, NULL", "'', NULL"})
  void standardizesCountries(String country, String expected) {
    assertEquals(expected, ADDRESSES.standardize("1 Main St", null, null, null, null, country).country());
  }

  @Test
  void survivesSerialization() {
    AddressStandardizer copy = TestInputs.roundTrip(ADDRESSES);
    assertEquals(ADDRESSES.standardize("1 Main Street", "Apt 2", "Boston", "Massachusetts", "02134", "USA"),
        copy.standardize("1 Main Street", "Apt 2", "Boston", "Massachusetts", "02134", "USA"));
  }
}
