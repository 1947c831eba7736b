package dev.cdi.identity.graph;

import java.io.Serializable;

/**
 * Settings of {@link GuardedClustering}.
 *
 * @param maxClusterSize a component with more nodes than this is re-clustered, and no re-clustered part may
 *                       exceed it
 */
public record GuardSettings(int maxClusterSize) implements Serializable {

  public GuardSettings {
    if (maxClusterSize < 2) {
      throw new IllegalArgumentException("guard.maxClusterSize must be >= 2, got " + maxClusterSize);
    }
  }
}
