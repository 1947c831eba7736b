package dev.cdi.privacy;

import java.util.Locale;

/**
 * What an erased or suppressed value is. Values are hashed together with their kind, so the same text as an email
 * and as a cookie id gives two different hashes.
 */
public enum IdentifierKind {
  /** An email match key (silver {@code email_key}). */
  EMAIL,
  /** A phone number in E.164. */
  PHONE,
  /** A cookie, device or loyalty id, as written (trimmed). */
  ID,
  /** A record key {@code <source>:<source record id>}. */
  RECORD,
  /** An event key {@code <source>:<event id>}. */
  EVENT,
  /** A customer id. */
  CUSTOMER;

  /** The lower-case name stored in tables and used in hashes. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The kind called {@code label}. */
  public static IdentifierKind of(String label) {
    return valueOf(label.toUpperCase(Locale.ROOT));
  }
}
