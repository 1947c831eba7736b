package dev.cdi.identity.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cdi.identity.eval.EvalColumns.Results;
import dev.cdi.identity.eval.GroupSummary.Part;
import dev.cdi.identity.eval.SizeDistribution.SizeCount;
import dev.cdi.testing.SharedSpark;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IdentityEvaluatorTest {

  private static final double EPS = 1e-12;
  private static final EvaluationRun RUN = new EvaluationRun("run-1", "tiny", Instant.parse("2024-05-01T10:00:00Z"));

  private final SparkSession spark = SharedSpark.session();
  private EvaluationResult brief;

  @BeforeAll
  void evaluateTheBriefExampleOnce() {
    brief = new IdentityEvaluator(new EvaluationSettings(2, 1)).evaluate(RUN, briefPredicted(), briefTruth(),
        candidates());
  }

  private Dataset<Row> table(String left, String right, String... pairs) {
    StructType schema = new StructType().add(left, DataTypes.StringType).add(right, DataTypes.StringType);
    List<Row> rows = Arrays.stream(pairs).map(p -> p.split("=")).map(p -> RowFactory.create(p[0], p[1])).map(
        Row.class::cast).toList();
    return spark.createDataFrame(rows, schema);
  }

  private Dataset<Row> predicted(String... pairs) {
    return table("record_key", "customer_id", pairs);
  }

  private Dataset<Row> truth(String... pairs) {
    return table("record_key", "entity_id", pairs);
  }

  // Truth {a,b,c},{d} plus y (only in truth); prediction {a,b},{c,d} plus x (only predicted), a listed twice.
  private Dataset<Row> briefPredicted() {
    return predicted("a=P1", "b=P1", "a=P1", "c=P2", "d=P2", "x=P3");
  }

  private Dataset<Row> briefTruth() {
    return truth("a=T1", "b=T1", "c=T1", "d=T2", "y=T9");
  }

  // Distinct unordered non-self pairs: (a,b), (c,d), (a,c), (a,x); (a,x) has x outside the evaluated records.
  private Dataset<Row> candidates() {
    return table("left_key", "right_key", "a=b", "b=a", "c=d", "a=a", "a=c", "x=a", "d=c");
  }

  @Test
  void evaluatesTheBriefExampleExactly() {
    EvaluationResult r = brief;

    assertEquals(new RecordCounts(5, 5, 4, 1, 1, 0, 0), r.records());
    // TP 1, predicted pairs 2, true pairs 3; B-cubed sums 3 and 8/3 (see ClusteringMetricsTest).
    assertEquals(List.of(4L, 1L, 2L, 3L, 2L, 2L), List.of(r.pairs().records(), r.pairs().truePositivePairs(),
        r.pairs().predictedPairs(), r.pairs().truePairs(), r.pairs().clusters(), r.pairs().entities()));
    assertEquals(3.0, r.pairs().bcubedPrecisionSum(), EPS);
    assertEquals(8.0 / 3, r.pairs().bcubedRecallSum(), EPS);
    assertEquals(0.5, r.metrics().pairwisePrecision(), EPS);
    assertEquals(1.0 / 3, r.metrics().pairwiseRecall(), EPS);
    assertEquals(0.4, r.metrics().pairwiseF1(), EPS);
    assertEquals(0.75, r.metrics().bcubedPrecision(), EPS);
    assertEquals(12.0 / 17, r.metrics().bcubedF1(), EPS);
    assertEquals(0.0, r.metrics().adjustedRandIndex(), EPS);
    // Whole prediction: P1 = 2, P2 = 2, P3 = 1.
    assertEquals(List.of(new SizeCount(1, 1), new SizeCount(2, 2)), r.sizes().sizes());
    // Top 2 by size (ties by id), 1 key shown each.
    assertEquals(List.of(new GroupSummary("P1", 2, 2, List.of(new Part("a", 1))),
        new GroupSummary("P2", 2, 2, List.of(new Part("c", 1)))), r.largestClusters());
    // P2 mixes T1 and T2; T1 is split over P1 (2 records) and P2 (1).
    assertEquals(List.of(new GroupSummary("P2", 2, 2, List.of(new Part("T1", 1)))), r.mixedClusters());
    assertEquals(List.of(new GroupSummary("T1", 3, 2, List.of(new Part("P1", 2)))), r.splitEntities());
    // 4 distinct candidates, 3 among {a,b,c,d}, 2 true matches (a,b) (a,c); N 4, 3 true pairs:
    // completeness 2/3, reduction 1 - 3/6 = 0.5, pairs quality 2/3.
    BlockingMetrics b = r.blocking().orElseThrow();
    assertEquals(new BlockingMetrics(4, 3, 2, 4, 3), b);
    assertEquals(2.0 / 3, b.pairCompleteness(), EPS);
    assertEquals(0.5, b.reductionRatio(), EPS);
  }

  @Test
  void resultRowHoldsEveryNumber() {
    EvaluationResult r = brief;
    Dataset<Row> rows = EvaluationRows.toDataset(spark, r);
    assertEquals(EvaluationRows.SCHEMA, rows.schema());
    Row row = rows.collectAsList().get(0);
    assertEquals("run-1", row.getAs(Results.RUN_ID));
    assertEquals("tiny", row.getAs(Results.DATASET_LABEL));
    assertEquals(4L, (long) row.getAs(Results.RECORDS_EVALUATED));
    assertEquals(1L, (long) row.getAs(Results.TRUE_POSITIVE_PAIRS));
    assertEquals(0.5, (double) row.getAs(Results.PAIRWISE_PRECISION), EPS);
    assertEquals(3L, (long) row.getAs(Results.PREDICTED_CLUSTERS));
    assertEquals(1L, (long) row.getAs(Results.SINGLETON_CLUSTERS));
    assertEquals(2L, (long) row.getAs(Results.LARGEST_CLUSTER_SIZE));
    assertEquals(0.5, (double) row.getAs(Results.REDUCTION_RATIO), EPS);
    assertEquals(Timestamp.from(RUN.evaluatedAt()), row.getAs(Results.EVALUATED_AT));

    EvaluationResult noBlocking = new EvaluationResult(r.run(), r.records(), r.pairs(), r.metrics(), Optional.empty(),
        r.sizes(), List.of(), List.of(), List.of());
    Row plain = EvaluationRows.toRow(noBlocking);
    assertEquals(null, plain.get(EvaluationRows.SCHEMA.fieldIndex(Results.PAIR_COMPLETENESS)));
    assertEquals(null, plain.get(EvaluationRows.SCHEMA.fieldIndex(Results.CANDIDATE_PAIRS)));
  }

  @Test
  void blockingAloneUsesEveryLabelledRecord() {
    // Universe {a,b,c,d,y}: N 5, true pairs 3; (a,x) has x unlabelled.
    assertEquals(new BlockingMetrics(4, 3, 2, 5, 3), BlockingEvaluator.evaluate(candidates(), briefTruth()));
  }

  @Test
  void contingencySumsMatchTheInMemoryReference() {
    // truth [0,0,0,1,1,1], predicted [0,0,1,1,2,2]: ARI 24/99.
    Dataset<Row> aligned = KeyAlignment.align(predicted("r1=p0", "r2=p0", "r3=p1", "r4=p1", "r5=p2", "r6=p2"),
        truth("r1=t0", "r2=t0", "r3=t0", "r4=t1", "r5=t1", "r6=t1"));
    PairCounts sums = ContingencySums.of(KeyAlignment.contingency(aligned));
    PairCounts expected = PairCounts.ofCells(List.of(new PairCounts.Cell("p0", "t0", 2),
        new PairCounts.Cell("p1", "t0", 1), new PairCounts.Cell("p1", "t1", 1), new PairCounts.Cell("p2", "t1", 2)));
    assertEquals(expected, sums);
    assertEquals(24.0 / 99, ClusteringMetrics.of(sums).adjustedRandIndex(), EPS);
  }

  @Test
  void conflictingLabelsAreCountedAndTheSmallestLabelIsUsed() {
    // a is in P1 and P2 (P1 used); b has entities T and U (T used): one true pair, split apart.
    Dataset<Row> aligned = KeyAlignment.align(predicted("a=P1", "a=P2", "b=P2"), truth("a=T", "b=T", "b=U"));
    assertEquals(new RecordCounts(2, 2, 2, 0, 0, 1, 1), KeyAlignment.recordCounts(aligned));
    assertEquals(List.of(RowFactory.create("a", "P1", "T", true, false), RowFactory.create("b", "P2", "T", false,
        true)), aligned.orderBy("record_key").collectAsList());
  }

  @Test
  void clearErrorsForMissingColumnsAndDisjointKeys() {
    IdentityEvaluator evaluator = new IdentityEvaluator(EvaluationSettings.DEFAULTS);
    Dataset<Row> wrong = table("record_key", "cluster", "a=1");
    assertEquals("predicted clustering is missing required column(s) [customer_id]; it has [record_key, cluster]",
        assertThrows(IllegalArgumentException.class, () -> evaluator.evaluate(RUN, wrong, briefTruth()))
            .getMessage());
    assertEquals("no record key is in both the prediction (2 keys, e.g. [crm:1, crm:2]) and the truth (1 keys, e.g."
        + " [CRM:1]); keys must be <source>:<source_record_id> on both sides",
        assertThrows(IllegalArgumentException.class, () -> evaluator.evaluate(RUN, predicted("crm:1=A", "crm:2=A"),
            truth("CRM:1=T"))).getMessage());
    assertEquals("evaluation.top_k must be >= 1, got 0",
        assertThrows(IllegalArgumentException.class, () -> new EvaluationSettings(0, 1)).getMessage());
  }
}
