package dev.cdi.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cdi.config.ConfigException;
import dev.cdi.config.S3Settings;
import dev.cdi.spark.S3Access.Setting;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which S3A setting wins: Spark property, then environment (endpoint only), then the configuration file. */
class S3AccessTest {

  private static final S3Settings FILE = new S3Settings("http://file:9000", true, "eu-west-1");

  @Test
  void theFileAppliesWhenNothingElseIsGiven() {
    assertEquals(List.of(new Setting(S3Access.ENDPOINT, "http://file:9000", "s3.endpoint"),
        new Setting(S3Access.PATH_STYLE_ACCESS, "true", "s3.path_style_access"),
        new Setting(S3Access.REGION, "eu-west-1", "s3.region")),
        S3Access.resolve(FILE, Map.of(), key -> Optional.empty()));
  }

  @Test
  void theEnvironmentOverridesTheFilesEndpointMostSpecificVariableFirst() {
    assertEquals(new Setting(S3Access.ENDPOINT, "http://env:1", "environment AWS_ENDPOINT_URL"),
        S3Access.resolve(FILE, Map.of("AWS_ENDPOINT_URL", "http://env:1"), key -> Optional.empty()).get(0));
    assertEquals(new Setting(S3Access.ENDPOINT, "http://s3env:2", "environment AWS_ENDPOINT_URL_S3"),
        S3Access.resolve(FILE, Map.of("AWS_ENDPOINT_URL", "http://env:1", "AWS_ENDPOINT_URL_S3", "http://s3env:2"),
            key -> Optional.empty()).get(0));
  }

  @Test
  void sparkPropertiesWinAndAreLeftAsGiven() {
    List<Setting> settings = S3Access.resolve(FILE, Map.of("AWS_ENDPOINT_URL", "http://env:1"),
        key -> S3Access.ENDPOINT.equals(key) ? Optional.of("http://spark:3") : Optional.empty());
    assertEquals(new Setting(S3Access.ENDPOINT, "http://spark:3", "spark.hadoop.fs.s3a.endpoint"), settings.get(0));
    assertEquals(3, settings.size());
  }

  @Test
  void nothingConfiguredLeavesHadoopAlone() {
    assertEquals(List.of(), S3Access.resolve(S3Settings.NONE, Map.of(), key -> Optional.empty()));
  }

  @Test
  void aBadEndpointInTheEnvironmentIsNamedWithoutItsValueWhenThatMayHoldASecret() {
    assertEquals("environment variable AWS_ENDPOINT_URL must not carry credentials (user:secret@), got (not shown:"
        + " it contains '@')", assertThrows(ConfigException.class, () -> S3Access.resolve(S3Settings.NONE,
        Map.of("AWS_ENDPOINT_URL", "http://k:hush@host"), key -> Optional.empty())).getMessage());
  }
}
