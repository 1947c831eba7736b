package dev.cdi.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;

/** Path rules shared by the configuration and the CLI: what a valid lakehouse or source path is. */
public final class LakehousePaths {

  private static final Set<String> REJECTED_SCHEMES = Set.of("s3", "s3n", "http", "https", "ftp");

  private LakehousePaths() {
  }

  /** True for {@code /abs/path}, {@code file:/...} and {@code scheme://...}. */
  public static boolean isAbsoluteOrUri(String path) {
    return path.startsWith("/") || scheme(path) != null;
  }

  /** Joins a root and a relative path with exactly one slash. */
  public static String join(String root, String relative) {
    String r = root.endsWith("/") ? root.substring(0, root.length() - 1) : root;
    String p = relative.startsWith("/") ? relative.substring(1) : relative;
    return r + "/" + p;
  }

  /**
   * Returns a reason why {@code path} cannot be used, or {@code null} when it is acceptable. Catches the usual
   * mistakes: {@code s3://} instead of {@code s3a://}, http URLs, and malformed URIs.
   */
  public static String problem(String path) {
    if (path.isBlank()) {
      return "must not be empty";
    }
    String scheme = scheme(path);
    if (scheme == null) {
      return null;
    }
    if (REJECTED_SCHEMES.contains(scheme)) {
      return "uses the unsupported scheme '" + scheme + "://'" + ("s3".equals(scheme) || "s3n".equals(scheme)
          ? "; use s3a:// (hadoop-aws)" : "; use a local path or s3a://");
    }
    try {
      URI uri = new URI(path.replace("*", "x").replace("?", "x").replace("{", "x").replace("}", "x")
          .replace(" ", "%20"));
      if (uri.getAuthority() == null && path.contains("://")) {
        return "has no bucket or host after '" + scheme + "://'";
      }
      if (uri.getRawUserInfo() != null) {
        return "must not carry credentials (" + scheme + "://user:secret@...); S3 credentials come from the AWS"
            + " default chain or fs.s3a.* Spark properties";
      }
    } catch (URISyntaxException e) {
      return "is not a valid URI: " + e.getMessage();
    }
    return null;
  }

  /**
   * {@code path} for messages and logs: the user information of a {@code scheme://user:secret@host/...} URI, which
   * {@link #problem} refuses, is replaced by {@code ***} so that a secret pasted into a path is never echoed.
   */
  public static String forDisplay(String path) {
    int start = path.indexOf("://");
    if (start < 0 || scheme(path) == null) {
      return path;
    }
    int hostStart = start + 3;
    int slash = path.indexOf('/', hostStart);
    int authorityEnd = slash < 0 ? path.length() : slash;
    int at = path.lastIndexOf('@', authorityEnd - 1);
    return at < hostStart ? path : path.substring(0, hostStart) + "***" + path.substring(at);
  }

  private static String scheme(String path) {
    int colon = path.indexOf(':');
    if (colon <= 1) {
      return null;
    }
    String candidate = path.substring(0, colon);
    if (!candidate.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '+' || c == '-' || c == '.')) {
      return null;
    }
    return candidate.toLowerCase(Locale.ROOT);
  }
}
