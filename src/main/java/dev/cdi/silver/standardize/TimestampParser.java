package dev.cdi.silver.standardize;

import java.io.Serializable;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Parses timestamps and dates written in a source system's formats. Immutable, thread-safe and serializable (only
 * the format list and zone id are serialized; formatters are rebuilt on deserialization); {@link #parse} and
 * {@link #parseDate} never throw and return null for anything they cannot read.
 *
 * <p>Formats are tried in order and the first that reads the whole text, trimmed, with a value inside the sanity
 * window wins. An entry is one of:
 * <ul>
 *   <li>a {@link java.time.format.DateTimeFormatter} pattern ({@code MM/dd/yyyy hh:mm a}, {@code yyyyMMdd},
 *       {@code dd/MM/yyyy HH:mm}). Parsing is strict: impossible dates ({@code 31/02/2024}) and out-of-range fields
 *       ({@code 25:61}) are rejected, and the field widths are those of the pattern ({@code M/d/yyyy} accepts one
 *       or two digits, {@code MM/dd/yyyy} two). Because strict resolving of {@code yyyy} (year of era) needs an era
 *       field, {@code y} outside quoted literals is read as {@code u} (proleptic year), which is the same for years
 *       after year 0; {@code yy} keeps java.time's 2000-2099 reading. Text and AM/PM markers are read in English,
 *       case-insensitively. An offset or zone in the text ({@code XXX}, {@code Z}, {@code VV}) is used; otherwise
 *       the configured zone applies. A date-only pattern gives the start of that day.</li>
 *   <li>{@code iso}: ISO-8601 date-time with an offset ({@code Z}, {@code +01:00}, {@code +0100}, {@code +01}),
 *       optionally with a zone id in brackets, or without one (read in the configured zone), or a date alone; a
 *       space may replace the {@code T}.</li>
 *   <li>{@code epoch_seconds}, {@code epoch_millis}, {@code epoch_micros}: a decimal number, possibly signed, with a
 *       fraction or exponent ({@code 1700000000.5}, {@code 1.7E12}).</li>
 * </ul>
 * Keywords are case-insensitive. Local times that fall into a daylight-saving gap move forward by the gap; in an
 * overlap the earlier offset is used.
 *
 * <p>Sanity window: values before 1900-01-01 or after 2100-01-01 (instants in UTC, dates as they are) are treated
 * as unreadable, which also catches epoch values in the wrong unit. Inputs longer than {@value #MAX_INPUT}
 * characters are unreadable.
 */
public final class TimestampParser implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final int MAX_INPUT = 128;
  private static final LocalDate FIRST_DATE = LocalDate.of(1900, 1, 1);
  private static final LocalDate LAST_DATE = LocalDate.of(2100, 1, 1);
  private static final Instant FIRST_INSTANT = FIRST_DATE.atStartOfDay(ZoneOffset.UTC).toInstant();
  private static final Instant LAST_INSTANT = LAST_DATE.atStartOfDay(ZoneOffset.UTC).toInstant();

  private final List<String> formats;
  private final String zoneId;
  private final transient ZoneId zone;
  private final transient List<TimestampFormat> parsers;

  /**
   * A parser for the given formats, reading local values in {@code zoneId}.
   *
   * @param formats patterns and keywords, tried in order; not empty
   * @param zoneId  a zone id such as {@code America/New_York} or {@code UTC}
   * @throws IllegalArgumentException naming the bad entry when a format or the zone is invalid
   */
  public TimestampParser(List<String> formats, String zoneId) {
    if (formats == null || formats.isEmpty() || formats.stream().anyMatch(Objects::isNull)) {
      throw new IllegalArgumentException("timestamp formats must be a non-empty list without nulls");
    }
    this.formats = List.copyOf(formats);
    this.zoneId = zoneId;
    this.zone = zone(zoneId);
    List<TimestampFormat> built = new ArrayList<>();
    this.formats.forEach(f -> built.add(TimestampFormat.of(f)));
    this.parsers = List.copyOf(built);
  }

  /** The format list. */
  public List<String> formats() {
    return formats;
  }

  /** The zone local values are read in. */
  public String zoneId() {
    return zoneId;
  }

  /** The instant {@code raw} denotes, or null when no format reads it inside the sanity window. */
  public Instant parse(String raw) {
    return read(raw, text -> {
      for (TimestampFormat format : parsers) {
        Instant instant = format.instant(text, zone);
        if (instant != null && !instant.isBefore(FIRST_INSTANT) && !instant.isAfter(LAST_INSTANT)) {
          return instant;
        }
      }
      return null;
    });
  }

  /** The calendar date {@code raw} denotes, or null when no format reads it inside the sanity window. */
  public LocalDate parseDate(String raw) {
    return read(raw, text -> {
      for (TimestampFormat format : parsers) {
        LocalDate date = format.date(text, zone);
        if (date != null && !date.isBefore(FIRST_DATE) && !date.isAfter(LAST_DATE)) {
          return date;
        }
      }
      return null;
    });
  }

  private static <T> T read(String raw, Function<String, T> reader) {
    String text = Text.clean(raw);
    return text == null || text.length() > MAX_INPUT ? null : reader.apply(text);
  }

  private static ZoneId zone(String zoneId) {
    if (zoneId == null) {
      throw new IllegalArgumentException("time zone must not be null");
    }
    try {
      return ZoneId.of(zoneId);
    } catch (DateTimeException e) {
      throw new IllegalArgumentException("invalid time zone '" + zoneId + "': " + e.getMessage(), e);
    }
  }

  private Object readResolve() {
    return new TimestampParser(formats, zoneId);
  }
}
