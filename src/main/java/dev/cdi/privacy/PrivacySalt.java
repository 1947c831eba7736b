package dev.cdi.privacy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/**
 * The secret that erasure hashes identifiers with, so that the audit and suppression tables hold no personal
 * data: a hash of an email cannot be reversed by hashing a list of known emails without the salt. It comes from
 * the environment variable {@value #ENV} (at least {@value #MIN_LENGTH} characters), never from a file in the
 * repository, and must stay the same for the lifetime of a lakehouse: a different salt gives different hashes, so
 * ingestion could no longer recognise erased people. {@link #check()} is a fingerprint stored with the
 * suppression list to detect a changed salt. {@link #toString()} never shows the secret.
 */
public final class PrivacySalt {

  /** The environment variable holding the salt. */
  public static final String ENV = "CDI_PRIVACY_SALT";
  static final int MIN_LENGTH = 16;
  private static final String CHECK_LABEL = "cdi-privacy-salt-check";

  private final byte[] secret;

  private PrivacySalt(byte[] secret) {
    this.secret = secret;
  }

  /** A salt from its text. */
  public static PrivacySalt of(String value) {
    if (value == null || value.strip().length() < MIN_LENGTH) {
      throw new IllegalArgumentException(ENV + " must hold a secret of at least " + MIN_LENGTH + " characters, got "
          + (value == null ? "nothing" : value.strip().length() + " characters"));
    }
    return new PrivacySalt(value.strip().getBytes(StandardCharsets.UTF_8));
  }

  /** The salt in {@code environment} (normally {@link System#getenv()}), if set. */
  public static Optional<PrivacySalt> fromEnvironment(Map<String, String> environment) {
    String value = environment.get(ENV);
    return value == null || value.isEmpty() ? Optional.empty() : Optional.of(of(value));
  }

  /** A hasher keyed with this salt. */
  public IdentifierHasher hasher() {
    return new IdentifierHasher(Arrays.copyOf(secret, secret.length));
  }

  /** A fingerprint of the salt (16 hex digits), safe to store: it tells whether two salts are the same. */
  public String check() {
    return hasher().hash(CHECK_LABEL).substring(0, 16);
  }

  @Override
  public String toString() {
    return "PrivacySalt[redacted]";
  }
}
