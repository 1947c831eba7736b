package dev.cdi.identity.graph;

/**
 * Column names of the identity-graph steps, in one place: the public input and output contracts, then the
 * working columns the steps use internally.
 */
public final class GraphColumns {

  private GraphColumns() {
  }

  /** Links between records: {@code src}, {@code dst} (long node ids, any direction), {@code strength} (double). */
  public static final class Edges {
    public static final String SRC = "src";
    public static final String DST = "dst";
    public static final String STRENGTH = "strength";

    private Edges() {
    }
  }

  /** Output of {@link ConnectedComponents}: {@code node}, {@code component} (smallest node id of the component). */
  public static final class Components {
    public static final String NODE = "node";
    public static final String COMPONENT = "component";

    private Components() {
    }
  }

  /** Per-node attributes for the guardrails: {@code node}, {@code conflict_keys} (map of string to string). */
  public static final class NodeAttributes {
    public static final String NODE = "node";
    public static final String CONFLICT_KEYS = "conflict_keys";

    private NodeAttributes() {
    }
  }

  /** Final assignment of {@link GuardedClustering}: {@code node}, {@code cluster}. */
  public static final class Clusters {
    public static final String NODE = "node";
    public static final String CLUSTER = "cluster";

    private Clusters() {
    }
  }

  /** Report of {@link GuardedClustering}: one row per re-clustered component. */
  public static final class SplitReport {
    public static final String COMPONENT = "component";
    public static final String SIZE = "size";
    public static final String PARTS = "parts";
    public static final String REASON = "reason";
    public static final String EDGES_REJECTED_CONFLICT = "edges_rejected_conflict";
    public static final String EDGES_REJECTED_SIZE = "edges_rejected_size";

    private SplitReport() {
    }
  }

  /** Working columns; never part of an output. */
  static final class Work {
    static final String CHILD = "child";
    static final String PARENT = "parent";
    static final String CHANGED = "changed";
    static final String MIN_PARENT = "min_parent";
    static final String PARENTS = "parents";
    static final String PARENT_KEY = "parent_key";
    static final String KEY = "key";
    static final String VALUE = "value";
    static final String CONFLICT = "conflict";
    static final String MEMBERS = "members";
    static final String MEMBER = "member";
    static final String CANNOT_LINK = "cannot_link";

    private Work() {
    }
  }
}
