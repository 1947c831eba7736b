package dev.cdi.silver.standardize;

import static dev.cdi.silver.standardize.Validity.INVALID;
import static dev.cdi.silver.standardize.Validity.MISSING;
import static dev.cdi.silver.standardize.Validity.VALID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneStandardizerTest {

  private static final String SF = "+14155550134";

  static Stream<Arguments> cases() {
    return Stream.of(
        // US national formats, extensions dropped; 555-01xx is a valid range for libphonenumber 9.0.43
        Arguments.of("US", "(415) 555-0134 x12", SF, "US", VALID),
        Arguments.of("US", "415.555.0134", SF, "US", VALID),
        Arguments.of("US", "415-555-0134", SF, "US", VALID),
        Arguments.of("US", "4155550134", SF, "US", VALID),
        Arguments.of("US", "1-415-555-0134", SF, "US", VALID),
        Arguments.of("US", "14155550134", SF, "US", VALID),
        Arguments.of("US", "+1 415 555 0134", SF, "US", VALID),
        Arguments.of("US", "001 415 555 0134", SF, "US", VALID),
        Arguments.of("US", "415 5550134 x 123", SF, "US", VALID),
        Arguments.of("US", "+14155550134;ext=99", SF, "US", VALID),
        Arguments.of("US", "650-253-0000 ext. 45", "+16502530000", "US", VALID),
        Arguments.of("US", "650-253-0000 #12", "+16502530000", "US", VALID),
        Arguments.of("US", "(212) 555-0100", "+12125550100", "US", VALID),
        Arguments.of("US", "613-555-0123", "+16135550123", "CA", VALID),
        Arguments.of("us", "４１５５５５０１３４", SF, "US", VALID),
        Arguments.of("US", "415\u0000555\u00000134", SF, "US", VALID),
        Arguments.of("US", "1-800-FLOWERS", "+18003569377", "US", VALID),
        // international, with + / 00 / 011 and a (0) trunk digit
        Arguments.of("US", "+44 7400 123456", "+447400123456", "GB", VALID),
        Arguments.of("US", "+44 7911 123456", "+447911123456", "GG", VALID),
        Arguments.of("US", "+44 7700 900123", null, null, INVALID),
        Arguments.of("US", "0049 1512 3456789", "+4915123456789", "DE", VALID),
        Arguments.of("US", "+49 151 23456789", "+4915123456789", "DE", VALID),
        Arguments.of("US", "011 44 20 7946 0958", "+442079460958", "GB", VALID),
        Arguments.of("US", "0044 (0)20 7946 0958", "+442079460958", "GB", VALID),
        Arguments.of("US", "+52 55 1234 5678", "+525512345678", "MX", VALID),
        // national formats of other default regions
        Arguments.of("GB", "020 7946 0958", "+442079460958", "GB", VALID),
        Arguments.of("GB", "07400 123456", "+447400123456", "GB", VALID),
        Arguments.of("DE", "0151 23456789", "+4915123456789", "DE", VALID),
        Arguments.of("MX", "55 1234 5678", "+525512345678", "MX", VALID),
        Arguments.of("CA", "6135550123", "+16135550123", "CA", VALID),
        Arguments.of("US", "07400 123456", null, null, INVALID),
        // placeholders, some of which libphonenumber accepts
        Arguments.of("US", "000-000-0000", null, null, INVALID),
        Arguments.of("US", "1111111111", null, null, INVALID),
        Arguments.of("US", "1234567890", null, null, INVALID),
        Arguments.of("US", "555-555-5555", null, null, INVALID),
        Arguments.of("US", "(415) 555-5555", null, null, INVALID),
        Arguments.of("US", "+1 234 567 8901", null, null, INVALID),
        Arguments.of("US", "9876543210", null, null, INVALID),
        Arguments.of("US", "+7 777 777 7777", null, null, INVALID),
        Arguments.of("US", "+44 20 1234 5678", "+442012345678", "GB", VALID),
        Arguments.of("US", "+33 1 23 45 67 89", null, null, INVALID),
        // hostile
        Arguments.of("US", null, null, null, MISSING),
        Arguments.of("US", "", null, null, MISSING),
        Arguments.of("US", " \t\u00A0\u200B", null, null, MISSING),
        Arguments.of("US", "📞", null, null, INVALID),
        Arguments.of("US", "📞 415 555 0134", SF, "US", VALID),
        Arguments.of("US", TestInputs.HUGE_DIGITS, null, null, INVALID),
        Arguments.of("US", TestInputs.HUGE, null, null, INVALID),
        Arguments.of("US", "12345", null, null, INVALID),
        Arguments.of("US", "true", null, null, INVALID),
        Arguments.of("US", "{}", null, null, INVALID),
        Arguments.of("US", "+", null, null, INVALID),
        Arguments.of("US", "415-555-0134 or 415-555-0135", null, null, INVALID),
        Arguments.of("US", "李小龍", null, null, INVALID));
  }

  @ParameterizedTest
  @MethodSource("cases")
  void standardizes(String region, String raw, String e164, String numberRegion, Validity validity) {
    PhoneResult result = new PhoneStandardizer(region).standardize(raw);
    assertEquals(new PhoneResult(e164, numberRegion, validity), result);
    if (e164 != null) {
      assertEquals(result, new PhoneStandardizer("FR").standardize(e164), "standardizing again changes nothing");
    }
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"UK", "XX", "", "USA", "001"})
  void rejectsUnsupportedDefaultRegions(String region) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new PhoneStandardizer(region));
    assertTrue(e.getMessage().contains("unsupported phone region"), e.getMessage());
  }

  @Test
  void survivesSerialization() {
    PhoneStandardizer copy = TestInputs.roundTrip(new PhoneStandardizer("gb"));
    assertEquals("GB", copy.defaultRegion());
    assertEquals(new PhoneResult("+447400123456", "GB", VALID), copy.standardize("07400 123456"));
  }
}
