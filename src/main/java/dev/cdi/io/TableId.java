package dev.cdi.io;

import java.io.Serializable;

/**
 * A table's place in the lakehouse: {@code <lakehouse>/<layer>/<name>}.
 *
 * @param layer bronze, silver, identity or gold
 * @param name  table name within the layer
 */
public record TableId(String layer, String name) implements Serializable {

  @Override
  public String toString() {
    return layer + "." + name;
  }
}
