package dev.cdi.generator;

import java.util.SplittableRandom;

/**
 * Renders phone numbers the many ways people and systems type them: {@code (415) 555-0134}, {@code 415-555-0134},
 * {@code 415.555.0134}, {@code +1 415 555 0134}, {@code 1-415-555-0134}, {@code 4155550134}, E.164, and the
 * national and international (with "+" or "00", or bare country code) conventions of the UK, Germany and Mexico.
 * Extensions ({@code x123}, {@code ext. 45}) can be appended.
 */
final class PhoneFormats {

  /** The ways a number is written. */
  enum Style { E164, PARENS, DASHED, DOTTED, INTERNATIONAL, TRUNK, DIGITS, COUNTRY_DIGITS, DOUBLE_ZERO }

  /** Placeholder numbers typed when a customer gives none: identifier hubs. */
  static final String[] HUB_PHONES = {"000-000-0000", "555-555-5555", "1234567890"};

  private static final Style[] STYLES = Style.values();
  private static final double[] HUMAN_WEIGHTS = {7, 25, 25, 8, 6, 8, 15, 4, 2};

  private PhoneFormats() {
  }

  /** A style drawn with the frequencies of hand-typed numbers. */
  static Style randomStyle(SplittableRandom r) {
    return STYLES[Rng.weighted(r, HUMAN_WEIGHTS)];
  }

  /** A hand-typed rendering, with an extension with probability {@code extensionRate}. */
  static String random(SplittableRandom r, Phone phone, double extensionRate) {
    String text = format(phone, randomStyle(r));
    return Rng.chance(r, extensionRate) ? withExtension(r, text) : text;
  }

  static String format(Phone phone, Style style) {
    return phone.isNanp() ? nanp(phone.nationalNumber(), style) : international(phone, style);
  }

  /** Appends {@code x123}, {@code ext. 45} or {@code ext 7}. */
  static String withExtension(SplittableRandom r, String text) {
    return switch (r.nextInt(3)) {
      case 0 -> text + " x" + Rng.between(r, 100, 999);
      case 1 -> text + " ext. " + Rng.between(r, 10, 99);
      default -> text + " ext " + Rng.between(r, 1, 9);
    };
  }

  private static String nanp(String n, Style style) {
    String area = n.substring(0, 3);
    String exchange = n.substring(3, 6);
    String line = n.substring(6);
    return switch (style) {
      case E164 -> "+1" + n;
      case PARENS -> "(" + area + ") " + exchange + "-" + line;
      case DASHED -> area + "-" + exchange + "-" + line;
      case DOTTED -> area + "." + exchange + "." + line;
      case INTERNATIONAL -> "+1 " + area + " " + exchange + " " + line;
      case TRUNK -> "1-" + area + "-" + exchange + "-" + line;
      case DIGITS -> n;
      case COUNTRY_DIGITS -> "1" + n;
      case DOUBLE_ZERO -> "001 " + area + " " + exchange + " " + line;
    };
  }

  private static String international(Phone phone, Style style) {
    String grouped = grouped(phone);
    String cc = phone.countryCode();
    return switch (style) {
      case E164 -> phone.e164();
      case INTERNATIONAL -> "+" + cc + " " + grouped;
      case DOUBLE_ZERO -> "00" + cc + " " + grouped;
      case COUNTRY_DIGITS -> cc + phone.nationalNumber();
      case DIGITS -> trunk(phone) + phone.nationalNumber();
      case DOTTED, DASHED -> trunk(phone) + grouped.replace(' ', style == Style.DOTTED ? '.' : '-');
      case PARENS, TRUNK -> trunk(phone) + grouped;
    };
  }

  /** National significant number in the country's usual groups: 7911 123456, 151 23456789, 55 1234 5678. */
  private static String grouped(Phone phone) {
    String n = phone.nationalNumber();
    return switch (phone.region()) {
      case "GB" -> n.substring(0, 4) + " " + n.substring(4);
      case "DE" -> n.substring(0, 3) + " " + n.substring(3);
      case "MX" -> n.substring(0, 2) + " " + n.substring(2, 6) + " " + n.substring(6);
      default -> n;
    };
  }

  /** The domestic trunk prefix: 0 in the UK and Germany, none in Mexico. */
  private static String trunk(Phone phone) {
    return "MX".equals(phone.region()) ? "" : "0";
  }
}
