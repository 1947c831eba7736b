package dev.cdi.identity.score;

/** Column names read and written by the scoring transforms, in one place. */
public final class ScoreColumns {

  private ScoreColumns() {
  }

  /** Input records: an id plus the attribute columns named by the comparison specs. */
  public static final class Records {
    public static final String NODE_ID = "node_id";

    private Records() {
    }
  }

  /** Candidate pairs ({@code left_id < right_id}) and the per-comparison columns added to them. */
  public static final class Pairs {
    public static final String LEFT_ID = "left_id";
    public static final String RIGHT_ID = "right_id";
    public static final String GAMMA_PREFIX = "g_";
    public static final String TF_PREFIX = "tf_";

    private Pairs() {
    }

    /** The level column of a comparison: {@code g_<name>}, int, -1 for null. */
    public static String gamma(String comparison) {
      return GAMMA_PREFIX + comparison;
    }

    /** The term-frequency column of a tf-adjusted comparison: {@code tf_<name>}, double, null unless exact. */
    public static String tf(String comparison) {
      return TF_PREFIX + comparison;
    }
  }

  /** Columns {@link PairScorer} adds. */
  public static final class Scores {
    public static final String MATCH_WEIGHT = "match_weight";
    public static final String MATCH_PROBABILITY = "match_probability";
    public static final String LEVELS = "levels";
    public static final String WEIGHTS = "weights";

    private Scores() {
    }
  }
}
