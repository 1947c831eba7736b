package dev.cdi.silver.standardize;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalQueries;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One entry of a {@link TimestampParser}'s format list: a java.time pattern, {@code iso}, or an epoch keyword.
 * Implementations are immutable and return null instead of throwing.
 */
sealed interface TimestampFormat permits TimestampFormat.Textual, TimestampFormat.Epoch {

  /** The instant {@code text} denotes, local values read in {@code zone}; null when it does not parse. */
  Instant instant(String text, ZoneId zone);

  /** The calendar date {@code text} denotes (as written; epoch values in {@code zone}); null when it does not parse. */
  LocalDate date(String text, ZoneId zone);

  /**
   * The format for one list entry.
   *
   * @throws IllegalArgumentException when the entry is neither a keyword nor a valid pattern
   */
  static TimestampFormat of(String spec) {
    if (spec == null || spec.isBlank()) {
      throw new IllegalArgumentException("timestamp format must not be blank");
    }
    return switch (spec.strip().toLowerCase(Locale.ROOT)) {
      case "iso" -> new Textual(Textual.ISO, true);
      case "epoch_seconds" -> new Epoch(0);
      case "epoch_millis" -> new Epoch(3);
      case "epoch_micros" -> new Epoch(6);
      default -> new Textual(Textual.pattern(spec), false);
    };
  }

  /** Text read by a formatter; with {@code iso}, a space may stand for the {@code T} between date and time. */
  record Textual(DateTimeFormatter formatter, boolean iso) implements TimestampFormat {

    static final DateTimeFormatter ISO = new DateTimeFormatterBuilder().parseCaseInsensitive()
        .append(DateTimeFormatter.ISO_LOCAL_DATE)
        .optionalStart().appendLiteral('T').append(DateTimeFormatter.ISO_LOCAL_TIME)
        .optionalStart().appendOffset("+HH:MM:ss", "Z").optionalEnd()
        .optionalStart().appendOffset("+HHmm", "Z").optionalEnd()
        .optionalStart().appendOffset("+HH", "Z").optionalEnd()
        .optionalStart().appendLiteral('[').parseCaseSensitive().appendZoneRegionId().appendLiteral(']')
        .optionalEnd().optionalEnd()
        .toFormatter(Locale.ROOT).withResolverStyle(ResolverStyle.STRICT).withChronology(IsoChronology.INSTANCE);

    /** A strict formatter for a pattern, with {@code y} (year of era) read as {@code u} (proleptic year). */
    static DateTimeFormatter pattern(String pattern) {
      try {
        return new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern(prolepticYears(pattern))
            .toFormatter(Locale.US).withResolverStyle(ResolverStyle.STRICT).withChronology(IsoChronology.INSTANCE);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("invalid timestamp format '" + pattern + "': " + e.getMessage(), e);
      }
    }

    /** {@code y} outside quoted literals becomes {@code u}: strict resolving of {@code yyyy} would need an era. */
    static String prolepticYears(String pattern) {
      StringBuilder out = new StringBuilder(pattern.length());
      boolean quoted = false;
      for (char c : pattern.toCharArray()) {
        quoted = c == '\'' ? !quoted : quoted;
        out.append(c == 'y' && !quoted ? 'u' : c);
      }
      return out.toString();
    }

    @Override
    public Instant instant(String text, ZoneId zone) {
      TemporalAccessor parsed = parse(text);
      LocalDate date = parsed == null ? null : parsed.query(TemporalQueries.localDate());
      if (date == null) {
        return null;
      }
      ZoneId parsedZone = parsed.query(TemporalQueries.zone());
      ZoneId in = parsedZone != null ? parsedZone : zone;
      LocalTime time = parsed.query(TemporalQueries.localTime());
      try {
        return (time == null ? date.atStartOfDay(in) : ZonedDateTime.of(date, time, in)).toInstant();
      } catch (DateTimeException e) {
        return null;
      }
    }

    @Override
    public LocalDate date(String text, ZoneId zone) {
      TemporalAccessor parsed = parse(text);
      return parsed == null ? null : parsed.query(TemporalQueries.localDate());
    }

    private TemporalAccessor parse(String text) {
      boolean spaced = iso && text.length() > 11 && text.charAt(10) == ' ';
      String input = spaced ? text.substring(0, 10) + 'T' + text.substring(11) : text;
      try {
        return formatter.parse(input);
      } catch (DateTimeException e) {
        return null;
      }
    }
  }

  /** A decimal number of seconds, milliseconds or microseconds since 1970-01-01T00:00:00Z. */
  record Epoch(int decimalsPerSecond) implements TimestampFormat {

    private static final Pattern NUMBER = Pattern.compile("[+-]?\\d{1,30}(\\.\\d{1,30})?([eE][+-]?\\d{1,3})?");
    /** About the year 33,000: far outside any plausible value, and small enough that no conversion overflows. */
    private static final BigDecimal LIMIT = BigDecimal.valueOf(1_000_000_000_000L);

    @Override
    public Instant instant(String text, ZoneId zone) {
      if (!NUMBER.matcher(text).matches()) {
        return null;
      }
      BigDecimal seconds = new BigDecimal(text).movePointLeft(decimalsPerSecond);
      if (seconds.abs().compareTo(LIMIT) > 0) {
        return null;
      }
      BigDecimal whole = seconds.setScale(0, RoundingMode.FLOOR);
      int nanos = seconds.subtract(whole).movePointRight(9).setScale(0, RoundingMode.FLOOR).intValueExact();
      return Instant.ofEpochSecond(whole.longValueExact(), nanos);
    }

    @Override
    public LocalDate date(String text, ZoneId zone) {
      Instant instant = instant(text, zone);
      return instant == null ? null : instant.atZone(zone).toLocalDate();
    }
  }
}
