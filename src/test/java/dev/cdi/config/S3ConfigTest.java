package dev.cdi.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The {@code s3} section and the rules that keep credentials out of configuration files, paths and messages. */
class S3ConfigTest {

  private static final String BASE = """
      lakehouse: s3a://lake/lh
      sources:
        crm: {format: csv, path: crm/*.csv}
      """;

  private static PipelineConfig parse(String s3Section) {
    return ConfigLoader.parse(BASE + s3Section, "test.yaml");
  }

  private static String failure(String s3Section) {
    return assertThrows(ConfigException.class, () -> parse(s3Section)).getMessage();
  }

  @Test
  void theSectionIsOptional() {
    assertEquals(S3Settings.NONE, parse("").s3());
  }

  @Test
  void loadsEndpointPathStyleAndRegion() {
    assertEquals(new S3Settings("http://127.0.0.1:9000", true, "eu-west-1"),
        parse("s3: {endpoint: 'http://127.0.0.1:9000', path_style_access: true, region: eu-west-1}\n").s3());
    assertEquals(new S3Settings("minio.internal:9000", null, null),
        parse("s3: {endpoint: 'minio.internal:9000'}\n").s3());
  }

  @Test
  void credentialsAreRefusedWithWhereTheyComeFrom() {
    String message = failure("s3: {secret_key: abc}\n");
    assertEquals("s3.secret_key is not read from the configuration file: credentials come from the AWS default"
        + " chain (AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, a profile, an instance or pod role) or from"
        + " fs.s3a.access.key/fs.s3a.secret.key given to Spark (test.yaml)", message);
    assertFalse(message.contains("abc"));
    assertEquals("unknown key 's3.endpoit'; allowed keys here: [endpoint, path_style_access, region] (test.yaml)",
        failure("s3: {endpoit: x}\n"));
  }

  @Test
  void badEndpointsAndRegionsAreNamed() {
    assertEquals("s3.endpoint must be an http:// or https:// URL or a host name, got 'ftp://host' (test.yaml)",
        failure("s3: {endpoint: 'ftp://host'}\n"));
    assertEquals("s3.endpoint must be scheme://host[:port] with no path or query, got 'http://host:9000/bucket'"
        + " (test.yaml)", failure("s3: {endpoint: 'http://host:9000/bucket'}\n"));
    assertEquals("s3.endpoint must not carry credentials (user:secret@), got (not shown: it contains '@')"
        + " (test.yaml)", failure("s3: {endpoint: 'http://key:hush@host'}\n"));
    assertEquals("s3.path_style_access must be true or false, got 'yes please' (test.yaml)",
        failure("s3: {path_style_access: yes please}\n"));
    assertEquals("s3.region must be an AWS region name like us-east-1, got 'EU West' (test.yaml)",
        failure("s3: {region: EU West}\n"));
  }

  @Test
  void pathsWithCredentialsAreRefusedWithoutEchoingThem() {
    String message = assertThrows(ConfigException.class,
        () -> ConfigLoader.parse(BASE.replace("s3a://lake/lh", "s3a://AKIAX:hush@lake/lh"), "test.yaml"))
        .getMessage();
    assertEquals("lakehouse must not carry credentials (s3a://user:secret@...); S3 credentials come from the AWS"
        + " default chain or fs.s3a.* Spark properties, got 's3a://***@lake/lh' (test.yaml)", message);
    PipelineConfig config = parse("");
    assertEquals("--input must not carry credentials (s3a://user:secret@...); S3 credentials come from the AWS"
        + " default chain or fs.s3a.* Spark properties, got 's3a://***@in/x'",
        assertThrows(ConfigException.class, () -> config.withInputRoot("s3a://k:hush@in/x")).getMessage());
  }

  @Test
  void forDisplayMasksOnlyUserInformation() {
    assertEquals("s3a://***@b/p@x", LakehousePaths.forDisplay("s3a://k:s@b/p@x"));
    assertEquals("s3a://b/p@x", LakehousePaths.forDisplay("s3a://b/p@x"));
    assertEquals("/local/a@b", LakehousePaths.forDisplay("/local/a@b"));
  }
}
