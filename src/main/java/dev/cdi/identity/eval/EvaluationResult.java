package dev.cdi.identity.eval;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything one evaluation found; immutable. {@link EvaluationRows} turns it into a table row and
 * {@link MarkdownReport} / {@link HtmlReport} into reports.
 *
 * @param run             which run and dataset, and when
 * @param records         how the prediction's and the truth's keys line up
 * @param pairs           the contingency sums behind the metrics
 * @param metrics         pairwise, B-cubed and adjusted Rand scores
 * @param blocking        blocking metrics, when candidate pairs were given
 * @param sizes           the size distribution of all predicted clusters
 * @param largestClusters the largest predicted clusters, parts being their record keys
 * @param mixedClusters   predicted clusters holding the most true entities (only clusters with 2 or more)
 * @param splitEntities   true entities spread over the most predicted clusters (only entities with 2 or more)
 */
public record EvaluationResult(EvaluationRun run, RecordCounts records, PairCounts pairs, ClusteringMetrics metrics,
                               Optional<BlockingMetrics> blocking, SizeDistribution sizes,
                               List<GroupSummary> largestClusters, List<GroupSummary> mixedClusters,
                               List<GroupSummary> splitEntities) {

  public EvaluationResult {
    Objects.requireNonNull(run, "run");
    Objects.requireNonNull(records, "records");
    Objects.requireNonNull(pairs, "pairs");
    Objects.requireNonNull(metrics, "metrics");
    Objects.requireNonNull(blocking, "blocking");
    Objects.requireNonNull(sizes, "sizes");
    largestClusters = List.copyOf(largestClusters);
    mixedClusters = List.copyOf(mixedClusters);
    splitEntities = List.copyOf(splitEntities);
  }
}
