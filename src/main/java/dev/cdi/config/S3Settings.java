package dev.cdi.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

/**
 * How to reach S3 for {@code s3a://} paths: the optional {@code s3} section of the pipeline configuration. It holds
 * no credentials: those come from the AWS default chain (environment, profile, instance or pod role) or from the
 * {@code fs.s3a.*} properties given to Spark, never from a file in the repository.
 *
 * @param endpoint        S3 endpoint URL such as {@code http://127.0.0.1:9000}, or null for AWS's own
 * @param pathStyleAccess whether buckets are addressed as {@code endpoint/bucket} rather than
 *                        {@code bucket.endpoint} (MinIO, Ceph, S3Proxy need it), or null to leave the Hadoop default
 * @param region          signing region, or null to leave it to the S3A client
 */
public record S3Settings(String endpoint, Boolean pathStyleAccess, String region) {

  /** No {@code s3} section: every setting is left to Spark's and Hadoop's own configuration. */
  public static final S3Settings NONE = new S3Settings(null, null, null);

  public Optional<String> endpointValue() {
    return Optional.ofNullable(endpoint);
  }

  public Optional<Boolean> pathStyleAccessValue() {
    return Optional.ofNullable(pathStyleAccess);
  }

  public Optional<String> regionValue() {
    return Optional.ofNullable(region);
  }

  /**
   * Why {@code endpoint} is no S3 endpoint, or null when it is one: {@code http(s)://host[:port]} or
   * {@code host[:port]}, with no credentials, path or query.
   */
  public static String endpointProblem(String endpoint) {
    String withScheme = endpoint.contains("://") ? endpoint : "https://" + endpoint;
    URI uri;
    try {
      uri = new URI(withScheme);
    } catch (URISyntaxException e) {
      return "is not a valid URL: " + e.getMessage();
    }
    if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
      return "must be an http:// or https:// URL or a host name";
    }
    if (uri.getRawUserInfo() != null) {
      return "must not carry credentials (user:secret@)";
    }
    if (uri.getHost() == null) {
      return "has no host";
    }
    if ((uri.getRawPath() != null && !uri.getRawPath().isEmpty() && !"/".equals(uri.getRawPath()))
        || uri.getRawQuery() != null) {
      return "must be scheme://host[:port] with no path or query";
    }
    return null;
  }

  /** {@code endpoint} for messages: not shown when it has an {@code @}, which may follow a secret. */
  public static String forDisplay(String endpoint) {
    return endpoint.indexOf('@') >= 0 ? "(not shown: it contains '@')" : "'" + endpoint + "'";
  }
}
