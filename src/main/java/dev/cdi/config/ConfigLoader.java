package dev.cdi.config;

import dev.cdi.gold.GoldSettings;
import dev.cdi.identity.IdentitySettings;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Loads {@code conf/pipeline.yaml} into a validated {@link PipelineConfig}. Unknown keys, missing required keys,
 * wrong types, out-of-range numbers and unusable paths fail here, before Spark starts, with a message that
 * names the key and the file.
 */
public final class ConfigLoader {

  private static final Pattern SOURCE_NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");
  private static final Set<String> TOP_KEYS = Set.of("lakehouse", "input_root", "ingest", "lock", "sources",
      "quality", "identity", "gold", "s3");
  private static final Set<String> LOCK_KEYS = Set.of("wait_seconds", "stale_after_seconds");
  private static final Set<String> INGEST_KEYS = Set.of("max_field_bytes", "max_record_bytes",
      "quarantine_raw_max_bytes");
  private static final Set<String> SOURCE_KEYS = Set.of("format", "path", "options", "silver");
  private static final Set<String> CSV_OPTION_KEYS = Set.of("delimiter", "quote", "header", "columns", "encoding");
  private static final Set<String> JSONL_OPTION_KEYS = Set.of("encoding");
  private static final Set<String> FORMATS = Stream.of(SourceFormat.values()).map(SourceFormat::configName)
      .collect(Collectors.toSet());

  /** Line breaks, delimiters, quotes, letters and digits: bytes the record splitter and parsers look at. */
  private static final String ASCII_PROBE = "\n\r\t ,;|\"'azAZ09{}[]:";

  private ConfigLoader() {
  }

  /** Reads and validates a configuration file. */
  public static PipelineConfig load(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new ConfigException("configuration file not found: " + file + " (pass --conf FILE)", e);
    } catch (IOException e) {
      throw new ConfigException("cannot read configuration file " + file + ": " + e.getMessage(), e);
    }
    return parse(text, file.toString());
  }

  /** Parses and validates configuration text; {@code origin} names it in error messages. */
  public static PipelineConfig parse(String yamlText, String origin) {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    Object document;
    try {
      document = new Yaml(new SafeConstructor(options)).load(yamlText);
    } catch (YAMLException e) {
      throw new ConfigException("invalid YAML in " + origin + ": " + e.getMessage().replace('\n', ' '), e);
    }
    ConfigNode root = ConfigNode.root(document, origin);
    root.requireOnlyKeys(TOP_KEYS);
    String lakehouse = path(root.get("lakehouse"));
    String inputRoot = root.get("input_root").isMissing() ? "." : path(root.get("input_root"));
    IngestSettings ingest = ingestSettings(root.get("ingest"));
    LockSettings lock = lockSettings(root.get("lock"));
    Map<String, SourceConfig> sources = new LinkedHashMap<>();
    ConfigNode sourcesNode = root.get("sources");
    Map<String, ConfigNode> children = sourcesNode.children();
    if (children.isEmpty()) {
      throw sourcesNode.error("sources must declare at least one source");
    }
    children.forEach((name, node) -> sources.put(name, source(name, node)));
    requireKnownRecordSources(sources, sourcesNode);
    List<Expectation> expectations = ExpectationsLoader.load(root.get("quality"), sources.keySet());
    IdentitySettings identity = root.get("identity").isMissing() ? null
        : IdentityLoader.load(root.get("identity"), sources.keySet());
    GoldSettings gold = root.get("gold").isMissing() ? null : GoldLoader.load(root.get("gold"), sources.keySet());
    S3Settings s3 = S3Loader.load(root.get("s3"));
    return new PipelineConfig(lakehouse, inputRoot, ingest, lock, sources, expectations, identity, gold, s3, origin);
  }

  /** An event's {@code record_source} must name a source that maps identity records. */
  private static void requireKnownRecordSources(Map<String, SourceConfig> sources, ConfigNode sourcesNode) {
    for (SourceConfig source : sources.values()) {
      String target = source.silverMapping().flatMap(SilverMapping::eventMapping)
          .map(SilverMapping.EventMapping::recordSource).orElse(null);
      if (target != null && sources.get(target) == null) {
        throw sourcesNode.error("sources." + source.name() + ".silver.events.record_source names unknown source '"
            + target + "'; configured sources: " + sources.keySet());
      }
      if (target != null && sources.get(target).silverMapping().flatMap(SilverMapping::identityMapping).isEmpty()) {
        throw sourcesNode.error("sources." + source.name() + ".silver.events.record_source '" + target
            + "' has no silver.identity mapping, so its records cannot be referred to");
      }
    }
  }

  private static LockSettings lockSettings(ConfigNode node) {
    if (node.isMissing()) {
      return LockSettings.DEFAULTS;
    }
    node.requireOnlyKeys(LOCK_KEYS);
    LockSettings d = LockSettings.DEFAULTS;
    long wait = node.get("wait_seconds").longInRange(d.waitFor().toSeconds(), 0, 7 * 24 * 3600);
    long stale = node.get("stale_after_seconds").longInRange(d.staleAfter().toSeconds(), 10, 7 * 24 * 3600);
    return new LockSettings(Duration.ofSeconds(wait), Duration.ofSeconds(stale));
  }

  private static IngestSettings ingestSettings(ConfigNode node) {
    if (node.isMissing()) {
      return IngestSettings.DEFAULTS;
    }
    node.requireOnlyKeys(INGEST_KEYS);
    IngestSettings d = IngestSettings.DEFAULTS;
    int maxField = (int) node.get("max_field_bytes").longInRange(d.maxFieldBytes(), 1, Integer.MAX_VALUE / 4);
    int maxRecord = (int) node.get("max_record_bytes").longInRange(d.maxRecordBytes(), 1, Integer.MAX_VALUE / 4);
    int rawMax = (int) node.get("quarantine_raw_max_bytes").longInRange(d.quarantineRawMaxBytes(), 0,
        Integer.MAX_VALUE / 4);
    if (maxField > maxRecord) {
      throw node.error("ingest.max_field_bytes (" + maxField + ") must not exceed ingest.max_record_bytes ("
          + maxRecord + ")");
    }
    return new IngestSettings(maxField, maxRecord, rawMax);
  }

  private static SourceConfig source(String name, ConfigNode node) {
    if (!SOURCE_NAME.matcher(name).matches()) {
      throw node.error("source name '" + name + "' must be lower-case letters, digits and underscores,"
          + " starting with a letter (it becomes the table bronze/" + name + ")");
    }
    node.requireOnlyKeys(SOURCE_KEYS);
    SourceFormat format = SourceFormat.valueOf(node.get("format").asChoice(FORMATS).toUpperCase(Locale.ROOT));
    String path = path(node.get("path"));
    ReaderOptions reader = readerOptions(format, node.get("options"));
    SilverMapping silver = node.get("silver").isMissing() ? null : SilverMappingLoader.load(node.get("silver"));
    return new SourceConfig(name, format, path, reader, silver);
  }

  private static ReaderOptions readerOptions(SourceFormat format, ConfigNode node) {
    ReaderOptions d = ReaderOptions.DEFAULTS;
    if (node.isMissing()) {
      return d;
    }
    switch (format) {
      case CSV -> node.requireOnlyKeys(CSV_OPTION_KEYS);
      case JSONL -> node.requireOnlyKeys(JSONL_OPTION_KEYS);
      case PARQUET -> node.requireOnlyKeys(Set.of());
      default -> throw new IllegalStateException("unhandled format " + format);
    }
    char delimiter = singleChar(node.get("delimiter"), d.delimiter());
    char quote = singleChar(node.get("quote"), d.quote());
    if (delimiter == quote) {
      throw node.error(node.path() + ".delimiter and .quote must differ, both are '" + delimiter + "'");
    }
    boolean header = node.get("header").booleanOr(true);
    List<String> columns = new ArrayList<>();
    ConfigNode columnsNode = node.get("columns");
    if (!columnsNode.isMissing()) {
      columnsNode.items().forEach(item -> columns.add(item.asNonBlankString()));
    }
    if (!header && columns.isEmpty()) {
      throw node.error(node.path() + ".columns must list the column names when header is false");
    }
    if (header && !columns.isEmpty()) {
      throw node.error(node.path() + ".columns is only allowed with header: false (the header names the columns)");
    }
    String encoding = encoding(node.get("encoding"), d.encoding());
    return new ReaderOptions(delimiter, quote, header, columns, encoding);
  }

  private static char singleChar(ConfigNode node, char fallback) {
    if (node.isMissing()) {
      return fallback;
    }
    String s = node.asString();
    String unescaped = "\\t".equals(s) ? "\t" : s;
    if (unescaped.length() != 1 || unescaped.charAt(0) == '\n' || unescaped.charAt(0) == '\r') {
      throw node.error(node.path() + " must be a single character other than a line break, got '" + s + "'");
    }
    return unescaped.charAt(0);
  }

  private static String encoding(ConfigNode node, String fallback) {
    String name = node.stringOr(fallback);
    Charset charset;
    try {
      charset = Charset.forName(name);
    } catch (IllegalArgumentException e) {
      throw node.error(node.path() + " is not a character set this JVM knows, got '" + name + "'");
    }
    if (!Arrays.equals(ASCII_PROBE.getBytes(charset), ASCII_PROBE.getBytes(StandardCharsets.US_ASCII))) {
      throw node.error(node.path() + " must store ASCII characters as single bytes (files are split into records"
          + " byte by byte), as UTF-8, ISO-8859-1 or windows-1252 do; got '" + name + "'; convert such files to"
          + " UTF-8");
    }
    return name;
  }

  private static String path(ConfigNode node) {
    String value = node.asNonBlankString().strip();
    String problem = LakehousePaths.problem(value);
    if (problem != null) {
      throw node.error(node.path() + " " + problem + ", got '" + LakehousePaths.forDisplay(value) + "'");
    }
    return value;
  }
}
