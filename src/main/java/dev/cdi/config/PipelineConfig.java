package dev.cdi.config;

import dev.cdi.gold.GoldSettings;
import dev.cdi.identity.IdentitySettings;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole pipeline configuration, loaded from {@code conf/pipeline.yaml} by {@link ConfigLoader}.
 *
 * @param lakehouse lakehouse root: a local folder or {@code s3a://bucket/prefix}
 * @param inputRoot folder that relative source paths are resolved against
 * @param ingest    bronze ingestion limits
 * @param lock      the lakehouse lock's waiting and takeover times
 * @param sources      configured sources by name, in file order
 * @param expectations data-quality expectations over the silver metrics
 * @param identity     identity resolution settings, or null when the file has no {@code identity} section
 * @param gold         gold-layer settings, or null when the file has no {@code gold} section
 * @param s3           how to reach S3 for {@code s3a://} paths ({@link S3Settings#NONE} without an {@code s3} section)
 * @param origin       the file this came from, for messages
 */
public record PipelineConfig(String lakehouse, String inputRoot, IngestSettings ingest, LockSettings lock,
                             Map<String, SourceConfig> sources, List<Expectation> expectations,
                             IdentitySettings identity, GoldSettings gold, S3Settings s3,
                             String origin) {

  public PipelineConfig {
    sources = Collections.unmodifiableMap(new LinkedHashMap<>(sources));
    expectations = List.copyOf(expectations);
  }

  /** A copy with another lakehouse root (the CLI's {@code --lakehouse}). */
  public PipelineConfig withLakehouse(String newLakehouse) {
    requireUsablePath("--lakehouse", newLakehouse);
    return new PipelineConfig(newLakehouse, inputRoot, ingest, lock, sources, expectations, identity, gold, s3, origin);
  }

  /** A copy with another input root (the CLI's {@code --input}). */
  public PipelineConfig withInputRoot(String newInputRoot) {
    requireUsablePath("--input", newInputRoot);
    return new PipelineConfig(lakehouse, newInputRoot, ingest, lock, sources, expectations, identity, gold, s3, origin);
  }

  /** The identity settings, or an error saying the configuration has none. */
  public IdentitySettings identitySettings() {
    if (identity == null) {
      throw new ConfigException("the configuration has no 'identity' section, so records cannot be resolved ("
          + origin + ")");
    }
    return identity;
  }

  /** The gold settings, or an error saying the configuration has none. */
  public GoldSettings goldSettings() {
    if (gold == null) {
      throw new ConfigException("the configuration has no 'gold' section, so no gold tables can be built (" + origin
          + ")");
    }
    return gold;
  }

  /** The source called {@code name}, or an error listing the configured ones. */
  public SourceConfig source(String name) {
    SourceConfig source = sources.get(name);
    if (source == null) {
      throw new ConfigException("unknown source '" + name + "'; configured sources: " + sources.keySet()
          + " (" + origin + ")");
    }
    return source;
  }

  private static void requireUsablePath(String option, String path) {
    String problem = LakehousePaths.problem(path);
    if (problem != null) {
      throw new ConfigException(option + " " + problem + ", got '" + LakehousePaths.forDisplay(path) + "'");
    }
  }
}
