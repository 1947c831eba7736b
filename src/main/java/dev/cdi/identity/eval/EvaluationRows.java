package dev.cdi.identity.eval;

import dev.cdi.identity.eval.EvalColumns.Results;
import java.sql.Timestamp;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * An {@link EvaluationResult} as one row of the evaluation results table ({@link Results} columns, {@link #SCHEMA}),
 * for the caller to append to a Delta table. Blocking columns are null when no candidate pairs were evaluated. The
 * lists (largest clusters, worst errors) are report-only and not stored.
 */
public final class EvaluationRows {

  public static final StructType SCHEMA = new StructType()
      .add(Results.RUN_ID, DataTypes.StringType, false)
      .add(Results.DATASET_LABEL, DataTypes.StringType, false)
      .add(Results.RECORDS_PREDICTED, DataTypes.LongType, false)
      .add(Results.RECORDS_TRUTH, DataTypes.LongType, false)
      .add(Results.RECORDS_EVALUATED, DataTypes.LongType, false)
      .add(Results.RECORDS_ONLY_TRUTH, DataTypes.LongType, false)
      .add(Results.RECORDS_ONLY_PREDICTED, DataTypes.LongType, false)
      .add(Results.PREDICTED_CONFLICTING_KEYS, DataTypes.LongType, false)
      .add(Results.TRUTH_CONFLICTING_KEYS, DataTypes.LongType, false)
      .add(Results.EVALUATED_CLUSTERS, DataTypes.LongType, false)
      .add(Results.EVALUATED_ENTITIES, DataTypes.LongType, false)
      .add(Results.TRUE_POSITIVE_PAIRS, DataTypes.LongType, false)
      .add(Results.PREDICTED_PAIRS, DataTypes.LongType, false)
      .add(Results.TRUE_PAIRS, DataTypes.LongType, false)
      .add(Results.PAIRWISE_PRECISION, DataTypes.DoubleType, false)
      .add(Results.PAIRWISE_RECALL, DataTypes.DoubleType, false)
      .add(Results.PAIRWISE_F1, DataTypes.DoubleType, false)
      .add(Results.BCUBED_PRECISION, DataTypes.DoubleType, false)
      .add(Results.BCUBED_RECALL, DataTypes.DoubleType, false)
      .add(Results.BCUBED_F1, DataTypes.DoubleType, false)
      .add(Results.ADJUSTED_RAND_INDEX, DataTypes.DoubleType, false)
      .add(Results.PREDICTED_CLUSTERS, DataTypes.LongType, false)
      .add(Results.SINGLETON_CLUSTERS, DataTypes.LongType, false)
      .add(Results.LARGEST_CLUSTER_SIZE, DataTypes.LongType, false)
      .add(Results.CANDIDATE_PAIRS, DataTypes.LongType, true)
      .add(Results.CANDIDATE_PAIRS_EVALUATED, DataTypes.LongType, true)
      .add(Results.TRUE_MATCH_CANDIDATE_PAIRS, DataTypes.LongType, true)
      .add(Results.PAIR_COMPLETENESS, DataTypes.DoubleType, true)
      .add(Results.REDUCTION_RATIO, DataTypes.DoubleType, true)
      .add(Results.PAIRS_QUALITY, DataTypes.DoubleType, true)
      .add(Results.EVALUATED_AT, DataTypes.TimestampType, false);

  private EvaluationRows() {
  }

  /** The result's row, in {@link #SCHEMA} order. */
  public static Row toRow(EvaluationResult r) {
    RecordCounts n = r.records();
    PairCounts p = r.pairs();
    ClusteringMetrics m = r.metrics();
    BlockingMetrics b = r.blocking().orElse(null);
    return RowFactory.create(r.run().runId(), r.run().datasetLabel(), n.predicted(), n.truth(), n.evaluated(),
        n.onlyTruth(), n.onlyPredicted(), n.predictedConflictingKeys(), n.truthConflictingKeys(), p.clusters(),
        p.entities(), p.truePositivePairs(), p.predictedPairs(), p.truePairs(), m.pairwisePrecision(),
        m.pairwiseRecall(), m.pairwiseF1(), m.bcubedPrecision(), m.bcubedRecall(), m.bcubedF1(),
        m.adjustedRandIndex(), r.sizes().clusters(), r.sizes().singletons(), r.sizes().largest(),
        b == null ? null : b.candidatePairs(), b == null ? null : b.candidatePairsEvaluated(),
        b == null ? null : b.trueMatchPairs(), b == null ? null : b.pairCompleteness(),
        b == null ? null : b.reductionRatio(), b == null ? null : b.pairsQuality(),
        Timestamp.from(r.run().evaluatedAt()));
  }

  /** A one-row Dataset of the result, to append to the evaluation results table. */
  public static Dataset<Row> toDataset(SparkSession spark, EvaluationResult r) {
    return spark.createDataFrame(List.of(toRow(r)), SCHEMA);
  }
}
