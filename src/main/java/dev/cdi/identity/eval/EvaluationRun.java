package dev.cdi.identity.eval;

import java.time.Instant;
import java.util.Objects;

/**
 * Identifies one evaluation; supplied by the caller so that the result is reproducible.
 *
 * @param runId        the engine run whose clustering is evaluated
 * @param datasetLabel what was evaluated, for example "generator-10k" or "febrl-dataset1"
 * @param evaluatedAt  when
 */
public record EvaluationRun(String runId, String datasetLabel, Instant evaluatedAt) {

  public EvaluationRun {
    if (runId == null || runId.isBlank()) {
      throw new IllegalArgumentException("evaluation run id must not be blank, got '" + runId + "'");
    }
    if (datasetLabel == null || datasetLabel.isBlank()) {
      throw new IllegalArgumentException("evaluation dataset label must not be blank, got '" + datasetLabel + "'");
    }
    Objects.requireNonNull(evaluatedAt, "evaluatedAt");
  }
}
