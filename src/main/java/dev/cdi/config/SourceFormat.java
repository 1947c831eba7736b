package dev.cdi.config;

import java.util.Locale;

/** File formats a source can be declared with. */
public enum SourceFormat {
  CSV,
  JSONL,
  PARQUET;

  /** The name used in configuration files. */
  public String configName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
