package dev.cdi.identity.eval;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import dev.cdi.identity.eval.EvalColumns.Aligned;
import dev.cdi.identity.eval.EvalColumns.Candidates;
import dev.cdi.identity.eval.EvalColumns.Contingency;
import dev.cdi.identity.eval.EvalColumns.Predicted;
import dev.cdi.identity.eval.EvalColumns.Truth;
import dev.cdi.spark.SchemaChecks;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compares a predicted clustering ({@link Predicted} columns) with labelled truth ({@link Truth} columns) and, when
 * given, blocking's candidate pairs ({@link Candidates} columns); returns an {@link EvaluationResult}. Metrics are
 * computed on the records present in both sides, by aggregation over the contingency table (see
 * {@link ContingencySums}); no pair is ever enumerated.
 *
 * <p>Cost: the aligned keys (one shuffle per side by record key) and the contingency table (one shuffle) are
 * persisted and released before returning; seven Spark actions then read them, each logged: the key counts, the
 * contingency sums (two window shuffles), the size distribution, one per top-K list ({@link TopGroups}), and one
 * for blocking. Deterministic: every aggregate and list is ordered with ties broken by id, and the run's id and
 * time come from the caller, so the same inputs give the same result.
 */
public final class IdentityEvaluator {

  private static final Logger LOG = LoggerFactory.getLogger(IdentityEvaluator.class);
  private static final int SAMPLE_KEYS = 3;

  private final EvaluationSettings settings;

  public IdentityEvaluator(EvaluationSettings settings) {
    this.settings = settings;
  }

  /** Evaluates the clustering without blocking metrics. */
  public EvaluationResult evaluate(EvaluationRun run, Dataset<Row> predicted, Dataset<Row> truth) {
    return evaluate(run, predicted, truth, Optional.empty());
  }

  /** Evaluates the clustering and the blocking that produced {@code candidates}. */
  public EvaluationResult evaluate(EvaluationRun run, Dataset<Row> predicted, Dataset<Row> truth,
                                   Dataset<Row> candidates) {
    return evaluate(run, predicted, truth, Optional.of(candidates));
  }

  private EvaluationResult evaluate(EvaluationRun run, Dataset<Row> predicted, Dataset<Row> truth,
                                    Optional<Dataset<Row>> candidates) {
    SchemaChecks.requireColumns(predicted, "predicted clustering", Predicted.RECORD_KEY, Predicted.CUSTOMER_ID);
    SchemaChecks.requireColumns(truth, "truth", Truth.RECORD_KEY, Truth.ENTITY_ID);
    candidates.ifPresent(c -> SchemaChecks.requireColumns(c, "candidate pairs", Candidates.LEFT_KEY,
        Candidates.RIGHT_KEY));
    Dataset<Row> aligned = KeyAlignment.align(predicted, truth).persist(StorageLevel.MEMORY_AND_DISK());
    try {
      RecordCounts records = KeyAlignment.recordCounts(aligned);
      LOG.info("evaluation {} ({}): {} predicted keys, {} truth keys, {} in both, {} only in truth, {} only predicted",
          run.runId(), run.datasetLabel(), records.predicted(), records.truth(), records.evaluated(),
          records.onlyTruth(), records.onlyPredicted());
      requireOverlap(aligned, records);
      Dataset<Row> contingency = KeyAlignment.contingency(aligned).persist(StorageLevel.MEMORY_AND_DISK());
      try {
        return measure(run, records, aligned, contingency, candidates);
      } finally {
        contingency.unpersist();
      }
    } finally {
      aligned.unpersist();
    }
  }

  private EvaluationResult measure(EvaluationRun run, RecordCounts records, Dataset<Row> aligned,
                                   Dataset<Row> contingency, Optional<Dataset<Row>> candidates) {
    PairCounts pairs = ContingencySums.of(contingency);
    ClusteringMetrics metrics = ClusteringMetrics.of(pairs);
    LOG.info("evaluation {}: {}; {}", run.runId(), pairs, metrics);
    Dataset<Row> predictedKeys = KeyAlignment.predictedKeys(aligned);
    SizeDistribution sizes = ClusterSizes.distribution(predictedKeys);
    LOG.info("evaluation {}: {} predicted clusters, {} singletons, largest {}", run.runId(), sizes.clusters(),
        sizes.singletons(), sizes.largest());
    List<GroupSummary> largest = TopGroups.top(predictedKeys.withColumn(Contingency.RECORDS, lit(1L)),
        new TopGroups.Cells(Predicted.CUSTOMER_ID, Predicted.RECORD_KEY, Contingency.RECORDS, 1),
        TopGroups.Rank.BY_RECORDS, settings);
    List<GroupSummary> mixed = TopGroups.top(contingency,
        new TopGroups.Cells(Contingency.CUSTOMER_ID, Contingency.ENTITY_ID, Contingency.RECORDS, 2),
        TopGroups.Rank.BY_PARTS, settings);
    List<GroupSummary> split = TopGroups.top(contingency,
        new TopGroups.Cells(Contingency.ENTITY_ID, Contingency.CUSTOMER_ID, Contingency.RECORDS, 2),
        TopGroups.Rank.BY_PARTS, settings);
    LOG.info("evaluation {}: listed {} largest clusters, {} mixed clusters, {} split entities", run.runId(),
        largest.size(), mixed.size(), split.size());
    Optional<BlockingMetrics> blocking = candidates.map(c -> BlockingEvaluator.evaluate(c,
        KeyAlignment.evaluatedTruth(aligned), new BlockingEvaluator.Universe(pairs.records(), pairs.truePairs())));
    blocking.ifPresent(b -> LOG.info("evaluation {}: {}", run.runId(), b));
    return new EvaluationResult(run, records, pairs, metrics, blocking, sizes, largest, mixed, split);
  }

  /** Fails with examples of both sides' keys when no key is in both (usually a wrong source prefix). */
  private static void requireOverlap(Dataset<Row> aligned, RecordCounts records) {
    if (records.evaluated() > 0) {
      return;
    }
    throw new IllegalArgumentException("no record key is in both the prediction (" + records.predicted()
        + " keys, e.g. " + sampleKeys(aligned, Aligned.CUSTOMER_ID) + ") and the truth (" + records.truth()
        + " keys, e.g. " + sampleKeys(aligned, Aligned.ENTITY_ID) + "); keys must be <source>:<source_record_id>"
        + " on both sides");
  }

  private static List<String> sampleKeys(Dataset<Row> aligned, String sideLabel) {
    return aligned.where(col(sideLabel).isNotNull()).select(col(Aligned.RECORD_KEY)).orderBy(col(Aligned.RECORD_KEY))
        .limit(SAMPLE_KEYS).collectAsList().stream().map(r -> r.getString(0)).toList();
  }
}
