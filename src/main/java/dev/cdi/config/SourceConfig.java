package dev.cdi.config;

import java.io.Serializable;
import java.util.Optional;

/**
 * One configured source system dump.
 *
 * @param name   table name in the lakehouse ({@code bronze/<name>}); lower-case letters, digits, underscores
 * @param format file format
 * @param path   file path or glob, relative to the input root unless it is absolute or a URI
 * @param reader reader options
 * @param silver how the source maps onto the silver tables, or null when it is not mapped (yet)
 */
public record SourceConfig(String name, SourceFormat format, String path, ReaderOptions reader, SilverMapping silver)
    implements Serializable {

  public Optional<SilverMapping> silverMapping() {
    return Optional.ofNullable(silver);
  }

  /** The path glob to list, resolved against {@code inputRoot} when relative. */
  public String resolvedPath(String inputRoot) {
    if (LakehousePaths.isAbsoluteOrUri(path)) {
      return path;
    }
    return LakehousePaths.join(inputRoot, path);
  }
}
