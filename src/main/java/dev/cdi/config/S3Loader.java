package dev.cdi.config;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * Loads the optional {@code s3} section into {@link S3Settings}. Credential-looking keys are refused with a
 * message that says where credentials come from instead, so that no secret is ever committed with the file.
 */
final class S3Loader {

  private static final Set<String> KEYS = Set.of("endpoint", "path_style_access", "region");
  private static final Set<String> CREDENTIAL_KEYS = Set.of("access_key", "secret_key", "session_token",
      "access_key_id", "secret_access_key", "credentials", "password");
  private static final Pattern REGION = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

  private S3Loader() {
  }

  static S3Settings load(ConfigNode node) {
    if (node.isMissing()) {
      return S3Settings.NONE;
    }
    for (String key : node.children().keySet()) {
      if (CREDENTIAL_KEYS.contains(key)) {
        throw node.error("s3." + key + " is not read from the configuration file: credentials come from the AWS"
            + " default chain (AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, a profile, an instance or pod role) or from"
            + " fs.s3a.access.key/fs.s3a.secret.key given to Spark");
      }
    }
    node.requireOnlyKeys(KEYS);
    String endpoint = node.get("endpoint").isMissing() ? null : endpoint(node.get("endpoint"));
    Boolean pathStyle = node.get("path_style_access").isMissing() ? null : node.get("path_style_access").asBoolean();
    String region = node.get("region").isMissing() ? null : region(node.get("region"));
    return new S3Settings(endpoint, pathStyle, region);
  }

  private static String endpoint(ConfigNode node) {
    String value = node.asNonBlankString().strip();
    String problem = S3Settings.endpointProblem(value);
    if (problem != null) {
      throw node.error(node.path() + " " + problem + ", got " + S3Settings.forDisplay(value));
    }
    return value;
  }

  private static String region(ConfigNode node) {
    String value = node.asNonBlankString().strip();
    if (!REGION.matcher(value).matches()) {
      throw node.error(node.path() + " must be an AWS region name like us-east-1, got '" + value + "'");
    }
    return value;
  }
}
