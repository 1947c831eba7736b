package dev.cdi.privacy;

import com.google.i18n.phonenumbers.PhoneNumberMatch;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.Leniency;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds identifiers in free text (a raw field, a quarantined line, a report): email addresses (then normalized to
 * their match key), phone numbers (libphonenumber's matcher, then E.164 in the given region) and, when asked,
 * tokens that may be ids or record, event and customer keys. Every find keeps its position, so a report can be
 * redacted in place. Thread-safe and serializable.
 */
public final class IdentifierScanner implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9]"
      + "(?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+");
  private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]*");
  private static final Pattern KEY = Pattern.compile("[a-z0-9_]+:[A-Za-z0-9][A-Za-z0-9_.-]*");
  /** Text with fewer digits holds no phone number; libphonenumber is not asked. */
  private static final int MIN_PHONE_DIGITS = 7;

  private final IdentifierNormalizer normalizer = new IdentifierNormalizer();

  /**
   * An identifier found in text.
   *
   * @param kind  what it is taken for
   * @param value its normalized value
   * @param start where it starts in the text
   * @param end   where it ends (exclusive)
   */
  public record Found(IdentifierKind kind, String value, int start, int end) {
  }

  /**
   * What to look for.
   *
   * @param region        phone region for national numbers (null: {@value IdentifierNormalizer#DEFAULT_REGION})
   * @param tokens        whether words are also taken as ids, customer ids and keys
   * @param recordSources sources whose record keys a bare word may be the id part of
   * @param eventSource   source whose event keys a bare word may be the id part of, or null
   */
  public record Scope(String region, boolean tokens, List<String> recordSources, String eventSource)
      implements Serializable {

    public Scope {
      recordSources = List.copyOf(recordSources);
    }

    /** Emails and phones only. */
    public static Scope contacts(String region) {
      return new Scope(region, false, List.of(), null);
    }
  }

  /** Everything {@code scope} asks for in {@code text}, in no particular order. */
  public List<Found> scan(String text, Scope scope) {
    List<Found> out = new ArrayList<>();
    if (text == null || text.isEmpty()) {
      return out;
    }
    emails(text, out);
    phones(text, scope.region(), out);
    if (scope.tokens()) {
      tokens(text, scope, out);
    }
    return out;
  }

  private void emails(String text, List<Found> out) {
    if (text.indexOf('@') < 0) {
      return;
    }
    Matcher m = EMAIL.matcher(text);
    while (m.find()) {
      add(out, IdentifierKind.EMAIL, normalizer.normalize(IdentifierKind.EMAIL, m.group(), null), m.start(), m.end());
    }
  }

  private void phones(String text, String region, List<Found> out) {
    if (text.chars().filter(Character::isDigit).count() < MIN_PHONE_DIGITS) {
      return;
    }
    String regionCode = region == null ? IdentifierNormalizer.DEFAULT_REGION : region;
    for (PhoneNumberMatch m : PhoneNumberUtil.getInstance().findNumbers(text, regionCode, Leniency.POSSIBLE,
        Long.MAX_VALUE)) {
      add(out, IdentifierKind.PHONE, normalizer.normalize(IdentifierKind.PHONE, m.rawString(), regionCode), m.start(),
          m.end());
    }
  }

  private static void tokens(String text, Scope scope, List<Found> out) {
    Matcher m = TOKEN.matcher(text);
    while (m.find()) {
      String token = m.group();
      add(out, IdentifierKind.ID, token, m.start(), m.end());
      add(out, IdentifierKind.CUSTOMER, token, m.start(), m.end());
      for (String source : scope.recordSources()) {
        add(out, IdentifierKind.RECORD, source + ":" + token, m.start(), m.end());
      }
      if (scope.eventSource() != null) {
        add(out, IdentifierKind.EVENT, scope.eventSource() + ":" + token, m.start(), m.end());
      }
    }
    Matcher key = KEY.matcher(text);
    while (key.find()) {
      add(out, IdentifierKind.RECORD, key.group(), key.start(), key.end());
      add(out, IdentifierKind.EVENT, key.group(), key.start(), key.end());
    }
  }

  private static void add(List<Found> out, IdentifierKind kind, String value, int start, int end) {
    if (value != null) {
      out.add(new Found(kind, value, start, end));
    }
  }
}
