package dev.cdi.io;

import dev.cdi.config.LakehousePaths;
import java.io.Serializable;

/**
 * Resolves table locations under a lakehouse root (a local folder or an {@code s3a://} prefix).
 *
 * @param root the lakehouse root as given on the command line or in the configuration
 */
public record Lakehouse(String root) implements Serializable {

  public String path(TableId table) {
    return LakehousePaths.join(LakehousePaths.join(root, table.layer()), table.name());
  }
}
