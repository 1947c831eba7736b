package dev.cdi.privacy;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 of a kind and a normalized value, keyed with the {@link PrivacySalt}: 64 hex digits. Serializable, so
 * Spark tasks can hash too; each thread keeps its own {@link Mac}. {@link #toString()} never shows the key.
 */
public final class IdentifierHasher implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final String ALGORITHM = "HmacSHA256";

  private final byte[] key;
  private transient volatile ThreadLocal<Mac> macs;

  IdentifierHasher(byte[] key) {
    this.key = key;
  }

  /** The hash of {@code value} as an identifier of {@code kind}. */
  public String hash(IdentifierKind kind, String value) {
    return hash(kind.label() + '\u0000' + value);
  }

  String hash(String text) {
    return HexFormat.of().formatHex(mac().doFinal(text.getBytes(StandardCharsets.UTF_8)));
  }

  private Mac mac() {
    if (macs == null) {
      macs = ThreadLocal.withInitial(this::newMac);
    }
    return macs.get();
  }

  private Mac newMac() {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(new SecretKeySpec(key, ALGORITHM));
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JVM has no " + ALGORITHM, e);
    }
  }

  @Override
  public String toString() {
    return "IdentifierHasher[redacted]";
  }
}
