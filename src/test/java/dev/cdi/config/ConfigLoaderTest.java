package dev.cdi.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

  private static final String VALID = """
      lakehouse: /data/lake
      input_root: /data/raw
      ingest:
        max_field_bytes: 1000
      sources:
        crm:
          format: csv
          path: crm/*.csv
          options:
            delimiter: ";"
        web:
          format: JSONL
          path: s3a://bucket/web/
        pos:
          format: csv
          path: /abs/pos.txt
          options:
            header: false
            columns: [id, amount]
            delimiter: "\\\\t"
      """;

  private static ConfigException failure(String yaml) {
    return assertThrows(ConfigException.class, () -> ConfigLoader.parse(yaml, "test.yaml"));
  }

  @Test
  void loadsAValidFileWithDefaults() {
    PipelineConfig config = ConfigLoader.parse(VALID, "test.yaml");
    assertEquals("/data/lake", config.lakehouse());
    assertEquals(List.of("crm", "web", "pos"), List.copyOf(config.sources().keySet()));
    assertEquals(new IngestSettings(1000, IngestSettings.DEFAULTS.maxRecordBytes(),
        IngestSettings.DEFAULTS.quarantineRawMaxBytes()), config.ingest());
    SourceConfig crm = config.source("crm");
    assertEquals(SourceFormat.CSV, crm.format());
    assertEquals(new ReaderOptions(';', '"', true, List.of(), "UTF-8"), crm.reader());
    assertEquals("/data/raw/crm/*.csv", crm.resolvedPath(config.inputRoot()));
    assertEquals(SourceFormat.JSONL, config.source("web").format());
    assertEquals("s3a://bucket/web/", config.source("web").resolvedPath(config.inputRoot()));
    assertEquals(new ReaderOptions('\t', '"', false, List.of("id", "amount"), "UTF-8"),
        config.source("pos").reader());
    assertEquals("/abs/pos.txt", config.source("pos").resolvedPath(config.inputRoot()));
  }

  @Test
  void loadsTheShippedConfiguration() {
    PipelineConfig config = ConfigLoader.load(Path.of("conf/pipeline.yaml"));
    assertEquals(10, config.sources().size());
  }

  @Test
  void unknownKeyIsNamedWithItsPath() {
    ConfigException e = failure(VALID.replace("    format: csv\n    path: crm", "    fromat: csv\n    path: crm"));
    assertEquals("unknown key 'sources.crm.fromat'; allowed keys here: [format, options, path, silver] (test.yaml)",
        e.getMessage());
  }

  @Test
  void missingRequiredKey() {
    ConfigException e = failure("sources:\n  a:\n    format: csv\n    path: x\n");
    assertEquals("missing required key 'lakehouse' (test.yaml)", e.getMessage());
    e = failure("lakehouse: l\nsources:\n  a:\n    format: csv\n");
    assertEquals("missing required key 'sources.a.path' (test.yaml)", e.getMessage());
  }

  @Test
  void wrongTypesAndRanges() {
    assertEquals("ingest.max_field_bytes must be a whole number, got 'big' (test.yaml)",
        failure(VALID.replace("max_field_bytes: 1000", "max_field_bytes: big")).getMessage());
    assertEquals("ingest.max_field_bytes must be in [1, 536870911], got 0 (test.yaml)",
        failure(VALID.replace("max_field_bytes: 1000", "max_field_bytes: 0")).getMessage());
    assertEquals("sources.pos.options.header must be true or false, got 'maybe' (test.yaml)",
        failure(VALID.replace("header: false", "header: maybe")).getMessage());
    assertEquals("sources.crm.format must be one of csv, jsonl, parquet, got 'xml' (test.yaml)",
        failure(VALID.replace("format: csv\n    path: crm", "format: xml\n    path: crm")).getMessage());
    assertEquals("sources must be a mapping of keys to values, got a list (test.yaml)",
        failure("lakehouse: l\nsources: [a, b]\n").getMessage());
  }

  @Test
  void badPaths() {
    assertEquals("lakehouse uses the unsupported scheme 's3://'; use s3a:// (hadoop-aws), got 's3://b/lake'"
        + " (test.yaml)", failure(VALID.replace("/data/lake", "s3://b/lake")).getMessage());
    assertEquals("sources.web.path has no bucket or host after 's3a://', got 's3a:///web'"
        + " (test.yaml)", failure(VALID.replace("s3a://bucket/web/", "s3a:///web")).getMessage());
    assertEquals("lakehouse must not be empty (test.yaml)",
        failure(VALID.replace("lakehouse: /data/lake", "lakehouse: ''")).getMessage());
  }

  @Test
  void csvOptionRules() {
    assertEquals("sources.pos.options.columns must list the column names when header is false (test.yaml)",
        failure(VALID.replace("      columns: [id, amount]\n", "")).getMessage());
    assertEquals("sources.crm.options.delimiter must be a single character other than a line break, got ';;'"
        + " (test.yaml)", failure(VALID.replace("delimiter: \";\"", "delimiter: \";;\"")).getMessage());
    assertEquals("sources.crm.options.encoding is not a character set this JVM knows, got 'klingon'"
        + " (test.yaml)", failure(VALID.replace("delimiter: \";\"", "encoding: klingon")).getMessage());
    assertEquals("sources.crm.options.encoding must store ASCII characters as single bytes (files are split into"
        + " records byte by byte), as UTF-8, ISO-8859-1 or windows-1252 do; got 'UTF-16'; convert such files to"
        + " UTF-8 (test.yaml)", failure(VALID.replace("delimiter: \";\"", "encoding: UTF-16")).getMessage());
    assertEquals("unknown key 'sources.web.options.delimiter'; allowed keys here: [encoding] (test.yaml)",
        failure(VALID.replace("path: s3a://bucket/web/", "path: s3a://bucket/web/\n    options: {delimiter: x}"))
            .getMessage());
  }

  @Test
  void lockSettings() {
    assertEquals(LockSettings.DEFAULTS, ConfigLoader.parse(VALID, "test.yaml").lock());
    assertEquals(new LockSettings(java.time.Duration.ofSeconds(30), java.time.Duration.ofSeconds(60)),
        ConfigLoader.parse(VALID + "lock: {wait_seconds: 30, stale_after_seconds: 60}\n", "test.yaml").lock());
    assertEquals(java.time.Duration.ofSeconds(15), new LockSettings(java.time.Duration.ZERO,
        java.time.Duration.ofSeconds(60)).heartbeatEvery());
    assertEquals("lock.stale_after_seconds must be in [10, 604800], got 1 (test.yaml)",
        failure(VALID + "lock: {stale_after_seconds: 1}\n").getMessage());
  }

  @Test
  void sourceNamesMustBeTableNames() {
    assertEquals("source name 'Web-Events' must be lower-case letters, digits and underscores, starting with a"
        + " letter (it becomes the table bronze/Web-Events) (test.yaml)",
        failure(VALID.replace("  web:", "  Web-Events:")).getMessage());
  }

  @Test
  void yamlSyntaxAndDuplicateKeys() {
    ConfigException e = failure("lakehouse: [unclosed\n");
    assertEquals(true, e.getMessage().startsWith("invalid YAML in test.yaml: "), e.getMessage());
    e = failure("lakehouse: a\nlakehouse: b\nsources: {}\n");
    assertEquals(true, e.getMessage().contains("duplicate key lakehouse"), e.getMessage());
  }

  @Test
  void cliOverridesAreValidatedToo(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("p.yaml"), VALID);
    PipelineConfig config = ConfigLoader.load(file).withLakehouse("s3a://bucket/lake").withInputRoot("/in");
    assertEquals("s3a://bucket/lake", config.lakehouse());
    assertEquals("/in/crm/*.csv", config.source("crm").resolvedPath(config.inputRoot()));
    assertEquals("--lakehouse uses the unsupported scheme 's3n://'; use s3a:// (hadoop-aws), got 's3n://x/y'",
        assertThrows(ConfigException.class, () -> config.withLakehouse("s3n://x/y")).getMessage());
    assertEquals("configuration file not found: " + dir.resolve("nope.yaml") + " (pass --conf FILE)",
        assertThrows(ConfigException.class, () -> ConfigLoader.load(dir.resolve("nope.yaml"))).getMessage());
    assertEquals("unknown source 'nope'; configured sources: [crm, web, pos] (" + file + ")",
        assertThrows(ConfigException.class, () -> ConfigLoader.load(file).source("nope")).getMessage());
  }
}
