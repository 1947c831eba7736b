package dev.cdi.silver.standardize;

import java.net.IDN;
import java.util.Locale;
import java.util.Map;

/**
 * Standardizes email addresses. Pure, stateless and thread-safe; never throws.
 *
 * <p>Cleaning: Unicode whitespace, control and invisible characters are trimmed, the text is lower-cased, and
 * wrappers that systems and copy-paste add are removed: surrounding quotes, angle brackets (also with a display
 * name, {@code John Doe <john@x.com>} keeps the bracketed address), a {@code mailto:} prefix and trailing dots,
 * commas and semicolons.
 *
 * <p>Syntax (any failure gives {@link Validity#INVALID} with null values): exactly one {@code @}; a local part of
 * 1 to 64 ASCII characters from the RFC 5322 dot-atom set (letters, digits and {@code !#$%&'*+/=?^_`{|}~.-}) that
 * neither starts nor ends with a dot and has no consecutive dots (RFC 5322 allows those only inside a quoted local
 * part, which no mainstream mailbox provider issues, so they are typos); a domain of at least two dot-separated
 * labels of 1 to 63 letters, digits or hyphens, not starting or ending with a hyphen, whose last label (the TLD)
 * is at least two letters; at most 254 characters in all. No spaces anywhere. Internationalized domains (letters of
 * any script, no symbols or emoji) are converted to their ASCII (punycode) form so both spellings match; non-ASCII
 * local parts are rejected.
 *
 * <p>Match key: the address with subaddressing and the mailbox provider's aliasing removed. Every domain drops a
 * {@code +tag} (RFC 5233 subaddressing, the convention of Gmail, Outlook, iCloud, Fastmail, Proton and most mail
 * servers; two different people whose mailboxes differ only after a {@code +} are far rarer than one person writing
 * a tag on one form and not on another). {@link #PROVIDERS} adds the provider rules: Gmail ignores dots in the local
 * part and treats googlemail.com as gmail.com; Yahoo also drops a {@code -tag}. Other characters are kept, since
 * servers may treat them as significant. An address whose key would have an empty local part (such as
 * {@code +promo@gmail.com}) cannot exist and is invalid.
 */
public final class EmailStandardizer {

  /** Longest input looked at; anything longer cannot be an address even with wrappers. */
  private static final int MAX_INPUT = 512;
  private static final int MAX_LOCAL = 64;
  private static final int MAX_ADDRESS = 254;
  private static final int MAX_LABEL = 63;
  private static final String LOCAL_SYMBOLS = "!#$%&'*+/=?^_`{|}~-.";
  private static final char SUBADDRESS = '+';

  /** How a mailbox provider aliases addresses. */
  private record Provider(String canonicalDomain, boolean ignoresDots, char tagSeparator) {
  }

  /** Provider rules: domain as written to the rule that gives the mailbox identity. */
  private static final Map<String, Provider> PROVIDERS = Map.of(
      "gmail.com", new Provider("gmail.com", true, '+'),
      "googlemail.com", new Provider("gmail.com", true, '+'),
      "outlook.com", new Provider("outlook.com", false, '+'),
      "hotmail.com", new Provider("hotmail.com", false, '+'),
      "live.com", new Provider("live.com", false, '+'),
      "icloud.com", new Provider("icloud.com", false, '+'),
      "me.com", new Provider("me.com", false, '+'),
      "mac.com", new Provider("mac.com", false, '+'),
      "yahoo.com", new Provider("yahoo.com", false, '-'));

  private EmailStandardizer() {
  }

  /** The standardized form of {@code raw}; see the class description for the rules. */
  public static EmailResult standardize(String raw) {
    String text = Text.clean(raw);
    if (text == null) {
      return EmailResult.MISSING;
    }
    if (text.length() > MAX_INPUT) {
      return EmailResult.INVALID;
    }
    String address = unwrap(text.toLowerCase(Locale.ROOT));
    int at = address.indexOf('@');
    if (at <= 0 || at != address.lastIndexOf('@')) {
      return EmailResult.INVALID;
    }
    String local = address.substring(0, at);
    String domain = asciiDomain(address.substring(at + 1));
    if (!isValidLocal(local) || domain == null || !isValidDomain(domain)
        || local.length() + 1 + domain.length() > MAX_ADDRESS) {
      return EmailResult.INVALID;
    }
    String key = matchKey(local, domain);
    return key == null ? EmailResult.INVALID : new EmailResult(local + "@" + domain, key, Validity.VALID);
  }

  private static String unwrap(String text) {
    String s = stripQuotes(text);
    int open = s.lastIndexOf('<');
    if (open >= 0 && s.endsWith(">")) {
      s = s.substring(open + 1, s.length() - 1).strip();
    }
    if (s.startsWith("mailto:")) {
      s = s.substring("mailto:".length()).strip();
    }
    int end = s.length();
    while (end > 0 && ".,;".indexOf(s.charAt(end - 1)) >= 0) {
      end--;
    }
    return s.substring(0, end).strip();
  }

  private static String stripQuotes(String s) {
    if (s.length() >= 2 && (s.charAt(0) == '"' || s.charAt(0) == '\'') && s.charAt(s.length() - 1) == s.charAt(0)) {
      return s.substring(1, s.length() - 1).strip();
    }
    return s;
  }

  private static boolean isValidLocal(String local) {
    if (local.isEmpty() || local.length() > MAX_LOCAL || local.startsWith(".") || local.endsWith(".")
        || local.contains("..")) {
      return false;
    }
    return local.chars().allMatch(c -> isAsciiLetterOrDigit(c) || LOCAL_SYMBOLS.indexOf(c) >= 0);
  }

  /**
   * The domain in ASCII, converting internationalized labels (letters, digits and marks of any script) to punycode;
   * null when that is impossible, such as for symbols and emoji.
   */
  private static String asciiDomain(String domain) {
    if (domain.chars().allMatch(c -> c < 0x80)) {
      return domain;
    }
    if (!domain.codePoints().allMatch(EmailStandardizer::isDomainCharacter)) {
      return null;
    }
    try {
      return IDN.toASCII(domain).toLowerCase(Locale.ROOT);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static boolean isDomainCharacter(int c) {
    int type = Character.getType(c);
    return c < 0x80 || Character.isLetterOrDigit(c) || type == Character.NON_SPACING_MARK
        || type == Character.COMBINING_SPACING_MARK;
  }

  private static boolean isValidDomain(String domain) {
    String[] labels = domain.split("\\.", -1);
    if (labels.length < 2) {
      return false;
    }
    for (String label : labels) {
      if (!isValidLabel(label)) {
        return false;
      }
    }
    String tld = labels[labels.length - 1];
    return tld.startsWith("xn--") || tld.length() >= 2 && tld.chars().allMatch(c -> c >= 'a' && c <= 'z');
  }

  private static boolean isValidLabel(String label) {
    return !label.isEmpty() && label.length() <= MAX_LABEL && !label.startsWith("-") && !label.endsWith("-")
        && label.chars().allMatch(c -> isAsciiLetterOrDigit(c) || c == '-');
  }

  private static boolean isAsciiLetterOrDigit(int c) {
    return c >= 'a' && c <= 'z' || c >= '0' && c <= '9';
  }

  /** The address with the provider's aliasing removed; null when nothing of the local part is left. */
  private static String matchKey(String local, String domain) {
    String mailbox = beforeTag(local, SUBADDRESS);
    Provider provider = PROVIDERS.get(domain);
    if (provider == null) {
      return mailbox.isEmpty() ? null : mailbox + "@" + domain;
    }
    mailbox = beforeTag(mailbox, provider.tagSeparator());
    if (provider.ignoresDots()) {
      mailbox = mailbox.replace(".", "");
    }
    return mailbox.isEmpty() ? null : mailbox + "@" + provider.canonicalDomain();
  }

  private static String beforeTag(String local, char separator) {
    int tag = local.indexOf(separator);
    return tag >= 0 ? local.substring(0, tag) : local;
  }
}
