package dev.cdi.identity.eval;

/**
 * What the evaluation lists besides the metrics.
 *
 * @param topK          how many largest clusters, most-mixed clusters and most-split entities to list
 * @param membersShown  how many record keys (or parts) to show per listed cluster or entity
 */
public record EvaluationSettings(int topK, int membersShown) {

  public static final EvaluationSettings DEFAULTS = new EvaluationSettings(10, 20);

  public EvaluationSettings {
    if (topK < 1) {
      throw new IllegalArgumentException("evaluation.top_k must be >= 1, got " + topK);
    }
    if (membersShown < 1) {
      throw new IllegalArgumentException("evaluation.members_shown must be >= 1, got " + membersShown);
    }
  }
}
