package dev.cdi.spark;

import dev.cdi.config.ConfigException;
import dev.cdi.config.S3Settings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Points the S3A connector ({@code s3a://} paths) at the configured S3 service before any such path is touched.
 * For each setting the first of these that has a value wins:
 * <ol>
 *   <li>the Spark property {@code spark.hadoop.fs.s3a.*} (spark-submit {@code --conf}, or {@code -D} for local
 *       runs), which Spark has already put into the Hadoop configuration;</li>
 *   <li>for the endpoint only, the environment variables the AWS SDKs read, {@code AWS_ENDPOINT_URL_S3} then
 *       {@code AWS_ENDPOINT_URL};</li>
 *   <li>the configuration file's {@code s3} section ({@link S3Settings});</li>
 *   <li>otherwise the Hadoop configuration is left as it is (core-site.xml, S3A defaults: AWS itself).</li>
 * </ol>
 * Credentials are not handled here: S3A reads them from {@code fs.s3a.access.key}/{@code fs.s3a.secret.key},
 * the environment ({@code AWS_ACCESS_KEY_ID}, {@code AWS_SECRET_ACCESS_KEY}, {@code AWS_SESSION_TOKEN}) or the
 * instance role, and nothing here reads or logs them. Setting the same values again is harmless, so this runs at
 * the start of every command.
 */
public final class S3Access {

  public static final String ENDPOINT = "fs.s3a.endpoint";
  public static final String PATH_STYLE_ACCESS = "fs.s3a.path.style.access";
  public static final String REGION = "fs.s3a.endpoint.region";
  /** Environment variables naming the endpoint, most specific first (as the AWS SDKs read them). */
  public static final List<String> ENDPOINT_VARIABLES = List.of("AWS_ENDPOINT_URL_S3", "AWS_ENDPOINT_URL");

  private static final Logger LOG = LoggerFactory.getLogger(S3Access.class);
  private static final String SPARK_HADOOP = "spark.hadoop.";

  private S3Access() {
  }

  /**
   * One S3A setting and where its value came from.
   *
   * @param key    Hadoop property
   * @param value  its value
   * @param origin where the value came from, for the log and {@code --dry-run}
   */
  public record Setting(String key, String value, String origin) {
  }

  /** Applies the settings to the session's Hadoop configuration and logs them (never credentials). */
  public static List<Setting> configure(SparkSession spark, S3Settings file, Map<String, String> env) {
    Configuration hadoop = spark.sparkContext().hadoopConfiguration();
    SparkConf conf = spark.sparkContext().getConf();
    List<Setting> settings = resolve(file, env, key -> conf.contains(SPARK_HADOOP + key)
        ? Optional.of(conf.get(SPARK_HADOOP + key)) : Optional.empty());
    for (Setting s : settings) {
      if (!s.origin().startsWith(SPARK_HADOOP)) {
        hadoop.set(s.key(), s.value(), "cdi " + s.origin());
      }
      LOG.info("S3A {} = {} (from {})", s.key(), s.value(), s.origin());
    }
    return settings;
  }

  /**
   * The settings to use, with their origin; {@code givenToSpark} returns a Hadoop key's value when it was set
   * through a {@code spark.hadoop.} property (such a value wins and is left as it is).
   */
  public static List<Setting> resolve(S3Settings file, Map<String, String> env,
      Function<String, Optional<String>> givenToSpark) {
    List<Setting> out = new ArrayList<>();
    add(out, ENDPOINT, givenToSpark, endpointFromEnvironment(env)
        .or(() -> file.endpointValue().map(v -> new Setting(ENDPOINT, v, "s3.endpoint"))));
    add(out, PATH_STYLE_ACCESS, givenToSpark, file.pathStyleAccessValue()
        .map(v -> new Setting(PATH_STYLE_ACCESS, v.toString(), "s3.path_style_access")));
    add(out, REGION, givenToSpark, file.regionValue().map(v -> new Setting(REGION, v, "s3.region")));
    return List.copyOf(out);
  }

  private static void add(List<Setting> out, String key, Function<String, Optional<String>> givenToSpark,
      Optional<Setting> ours) {
    Optional<Setting> given = givenToSpark.apply(key).map(v -> new Setting(key, v, SPARK_HADOOP + key));
    given.or(() -> ours).ifPresent(out::add);
  }

  private static Optional<Setting> endpointFromEnvironment(Map<String, String> env) {
    for (String variable : ENDPOINT_VARIABLES) {
      String value = env.get(variable);
      if (value != null && !value.isBlank()) {
        String problem = S3Settings.endpointProblem(value.strip());
        if (problem != null) {
          throw new ConfigException("environment variable " + variable + " " + problem + ", got "
              + S3Settings.forDisplay(value));
        }
        return Optional.of(new Setting(ENDPOINT, value.strip(), "environment " + variable));
      }
    }
    return Optional.empty();
  }
}
