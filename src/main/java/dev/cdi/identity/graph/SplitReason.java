package dev.cdi.identity.graph;

/** Why {@link GuardedClustering} re-clustered a component; {@link #label()} is the report's {@code reason}. */
public enum SplitReason {
  SIZE("size"),
  CONFLICT("conflict"),
  SIZE_AND_CONFLICT("size+conflict");

  private final String label;

  SplitReason(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
