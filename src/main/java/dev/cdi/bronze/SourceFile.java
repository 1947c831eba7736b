package dev.cdi.bronze;

import java.io.Serializable;

/**
 * A data file found for a source.
 *
 * @param path        fully qualified Hadoop path ({@code file:/...}, {@code s3a://...})
 * @param size        bytes
 * @param modifiedAt  modification time, epoch milliseconds
 * @param fingerprint SHA-256 of the content in hex, or {@code null} until computed
 */
public record SourceFile(String path, long size, long modifiedAt, String fingerprint) implements Serializable {

  public SourceFile withFingerprint(String sha256) {
    return new SourceFile(path, size, modifiedAt, sha256);
  }

  /** The file name without its folder, for log lines. */
  public String name() {
    return path.substring(path.lastIndexOf('/') + 1);
  }
}
