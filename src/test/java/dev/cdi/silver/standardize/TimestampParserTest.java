package dev.cdi.silver.standardize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TimestampParserTest {

  private static final TimestampParser CRM = new TimestampParser(List.of("MM/dd/yyyy hh:mm a"), "America/New_York");
  private static final TimestampParser EMAIL =
      new TimestampParser(List.of("dd/MM/yyyy HH:mm:ss", "dd/MM/yyyy HH:mm"), "Europe/London");
  private static final TimestampParser ISO = new TimestampParser(List.of("iso"), "UTC");
  private static final TimestampParser POS = new TimestampParser(List.of("yyyyMMdd HHmmss"), "America/Chicago");
  private static final TimestampParser SECONDS = new TimestampParser(List.of("epoch_seconds"), "UTC");
  private static final TimestampParser MILLIS = new TimestampParser(List.of("EPOCH_MILLIS"), "UTC");
  private static final TimestampParser MICROS = new TimestampParser(List.of("epoch_micros"), "UTC");
  private static final TimestampParser OFFSETS = new TimestampParser(
      List.of("yyyy-MM-dd HH:mm:ss XXX", "yyyy-MM-dd HH:mm VV", "yyyy-MM-dd 'by day'"), "Asia/Tokyo");
  private static final TimestampParser DATES =
      new TimestampParser(List.of("MM/dd/yyyy", "yyyyMMdd", "yyyy-MM-dd", "iso", "epoch_seconds"), "America/New_York");

  static Stream<Arguments> instants() {
    return Stream.of(
        Arguments.of(CRM, "01/15/2024 03:04 PM", "2024-01-15T20:04:00Z"),
        Arguments.of(CRM, " 07/04/2024 09:00 am ", "2024-07-04T13:00:00Z"),
        Arguments.of(CRM, "03/10/2024 02:30 AM", "2024-03-10T07:30:00Z"),
        Arguments.of(CRM, "11/03/2024 01:30 AM", "2024-11-03T05:30:00Z"),
        Arguments.of(CRM, "02/30/2024 03:04 PM", null),
        Arguments.of(CRM, "13/01/2024 03:04 PM", null),
        Arguments.of(CRM, "01/15/2024 13:04 PM", null),
        Arguments.of(CRM, "1/15/2024 03:04 PM", null),
        Arguments.of(EMAIL, "31/01/2024 10:00", "2024-01-31T10:00:00Z"),
        Arguments.of(EMAIL, "15/07/2024 10:00:30", "2024-07-15T09:00:30Z"),
        Arguments.of(EMAIL, "31/02/2024 25:61", null),
        Arguments.of(EMAIL, "29/02/2023 10:00", null),
        Arguments.of(EMAIL, "29/02/2024 10:00", "2024-02-29T10:00:00Z"),
        Arguments.of(ISO, "2024-01-02T03:04:05.123Z", "2024-01-02T03:04:05.123Z"),
        Arguments.of(ISO, "2024-01-02t03:04:05z", "2024-01-02T03:04:05Z"),
        Arguments.of(ISO, "2024-01-02T03:04:05+01:00", "2024-01-02T02:04:05Z"),
        Arguments.of(ISO, "2024-01-02T03:04:05-0500", "2024-01-02T08:04:05Z"),
        Arguments.of(ISO, "2024-01-02T03:04:05.123456+05:30", "2024-01-01T21:34:05.123456Z"),
        Arguments.of(ISO, "2024-01-02T03:04:05+01:00[Europe/Paris]", "2024-01-02T02:04:05Z"),
        Arguments.of(ISO, "2024-01-02 03:04:05", "2024-01-02T03:04:05Z"),
        Arguments.of(ISO, "2024-01-02 03:04:05+00", "2024-01-02T03:04:05Z"),
        Arguments.of(ISO, "2024-01-02T03:04", "2024-01-02T03:04:00Z"),
        Arguments.of(ISO, "2024-01-02", "2024-01-02T00:00:00Z"),
        Arguments.of(ISO, "2024-13-45T99:99:99Z", null),
        Arguments.of(ISO, "0000-00-00 00:00:00", null),
        Arguments.of(ISO, "1850-01-01T00:00:00Z", null),
        Arguments.of(ISO, "2100-01-01T00:00:00Z", "2100-01-01T00:00:00Z"),
        Arguments.of(ISO, "2100-01-01T00:00:01Z", null),
        Arguments.of(ISO, "+12024-01-02T00:00:00Z", null),
        Arguments.of(ISO, "yesterday", null),
        Arguments.of(ISO, "N/A", null),
        Arguments.of(ISO, "not a date", null),
        Arguments.of(ISO, "2024-01-02T03:04:05Z trailing", null),
        Arguments.of(ISO, "2024-01-02\u0000T03:04:05Z", "2024-01-02T03:04:05Z"),
        Arguments.of(POS, "20240102 030405", "2024-01-02T09:04:05Z"),
        Arguments.of(POS, "20240230 030405", null),
        Arguments.of(OFFSETS, "2024-01-02 03:04:05 +05:30", "2024-01-01T21:34:05Z"),
        Arguments.of(OFFSETS, "2024-07-01 12:00 Europe/Paris", "2024-07-01T10:00:00Z"),
        Arguments.of(OFFSETS, "2024-01-02 by day", "2024-01-01T15:00:00Z"),
        Arguments.of(SECONDS, "1700000000", "2023-11-14T22:13:20Z"),
        Arguments.of(SECONDS, "1700000000.5", "2023-11-14T22:13:20.500Z"),
        Arguments.of(SECONDS, "-1", "1969-12-31T23:59:59Z"),
        Arguments.of(SECONDS, "12345", "1970-01-01T03:25:45Z"),
        Arguments.of(SECONDS, "0x10", null),
        Arguments.of(SECONDS, "1e999", null),
        Arguments.of(SECONDS, "99999999999999999999999999999", null),
        Arguments.of(MILLIS, "1700000000123", "2023-11-14T22:13:20.123Z"),
        Arguments.of(MILLIS, "1.700000000123E12", "2023-11-14T22:13:20.123Z"),
        Arguments.of(MILLIS, "1700000000123000", null),
        Arguments.of(MICROS, "1700000000123456", "2023-11-14T22:13:20.123456Z"),
        Arguments.of(MICROS, "1700000000123456.9", "2023-11-14T22:13:20.1234569Z"));
  }

  static Stream<Arguments> hostile() {
    return Stream.of(CRM, EMAIL, ISO, POS, SECONDS, MILLIS, MICROS, OFFSETS, DATES).flatMap(parser -> Stream.of(
        null, "", "   ", "\t\n", "😀", "📅 2024-01-02", TestInputs.HUGE, TestInputs.HUGE_DIGITS, "true", "{}",
        "李小龍", "\u0000\u0001").map(raw -> Arguments.of(parser, raw)));
  }

  @ParameterizedTest
  @MethodSource("instants")
  void parsesInstants(TimestampParser parser, String raw, String expected) {
    assertEquals(expected == null ? null : Instant.parse(expected), parser.parse(raw));
  }

  @ParameterizedTest
  @MethodSource("hostile")
  void rejectsHostileInput(TimestampParser parser, String raw) {
    assertEquals(null, parser.parse(raw));
    assertEquals(null, parser.parseDate(raw));
  }

  static Stream<Arguments> dates() {
    return Stream.of(
        Arguments.of("12/31/1999", "1999-12-31"),
        Arguments.of("19850704", "1985-07-04"),
        Arguments.of("2000-02-29", "2000-02-29"),
        Arguments.of("1900-02-29", null),
        Arguments.of("2023-02-29", null),
        Arguments.of("02/30/2024", null),
        Arguments.of("31/12/1999", null),
        Arguments.of("1900-01-01", "1900-01-01"),
        Arguments.of("1899-12-31", null),
        Arguments.of("2100-01-01", "2100-01-01"),
        Arguments.of("2100-01-02", null),
        Arguments.of("2024-01-02T23:30:00-05:00", "2024-01-02"),
        Arguments.of("2024-01-02T23:30:00+09:00", "2024-01-02"),
        Arguments.of("1700000000", "2023-11-14"),
        Arguments.of("0", "1969-12-31"),
        Arguments.of("12345", "1969-12-31"),
        Arguments.of("yesterday", null));
  }

  @ParameterizedTest
  @MethodSource("dates")
  void parsesDates(String raw, String expected) {
    assertEquals(expected == null ? null : LocalDate.parse(expected), DATES.parseDate(raw));
  }

  static Stream<Arguments> badConfigurations() {
    return Stream.of(
        Arguments.of(List.of("yyyy-MM-dd'T"), "UTC", "yyyy-MM-dd'T"),
        Arguments.of(List.of("iso", "yyyy-MM-dd bb"), "UTC", "yyyy-MM-dd bb"),
        Arguments.of(List.of("yyyy-MM-dd {x}"), "UTC", "yyyy-MM-dd {x}"),
        Arguments.of(List.of(" "), "UTC", "blank"),
        Arguments.of(Arrays.asList("iso", null), "UTC", "without nulls"),
        Arguments.of(List.of(), "UTC", "non-empty"),
        Arguments.of(null, "UTC", "non-empty"),
        Arguments.of(List.of("iso"), "Mars/Olympus_Mons", "Mars/Olympus_Mons"),
        Arguments.of(List.of("iso"), "", "invalid time zone"),
        Arguments.of(List.of("iso"), null, "time zone"));
  }

  @ParameterizedTest
  @MethodSource("badConfigurations")
  void rejectsBadConfiguration(List<String> formats, String zone, String messagePart) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new TimestampParser(formats, zone));
    assertTrue(e.getMessage().contains(messagePart), e.getMessage());
  }

  @Test
  void readsYearsAsProlepticOutsideQuotes() {
    assertEquals("uuuu-MM-dd 'by day' uu", TimestampFormat.Textual.prolepticYears("yyyy-MM-dd 'by day' yy"));
  }

  @Test
  void survivesSerialization() {
    TimestampParser copy = TestInputs.roundTrip(CRM);
    assertEquals(List.of("MM/dd/yyyy hh:mm a"), copy.formats());
    assertEquals(Instant.parse("2024-01-15T20:04:00Z"), copy.parse("01/15/2024 03:04 PM"));
  }
}
