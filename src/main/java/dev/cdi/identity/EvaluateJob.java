package dev.cdi.identity;

import dev.cdi.config.PipelineConfig;
import dev.cdi.identity.eval.EvaluationResult;
import dev.cdi.identity.eval.EvaluationRows;
import dev.cdi.identity.eval.EvaluationRun;
import dev.cdi.identity.eval.EvaluationSettings;
import dev.cdi.identity.eval.IdentityEvaluator;
import dev.cdi.identity.eval.ReportWriter;
import dev.cdi.io.Columns.IdentityMap;
import dev.cdi.io.DeltaIO;
import dev.cdi.io.Tables;
import dev.cdi.pipeline.RunContext;
import dev.cdi.spark.StageScope;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compares {@code identity/identity_map} with labelled truth: pairwise and B-cubed precision, recall and F1, the
 * adjusted Rand index, and optionally blocking pair completeness and reduction ratio (the candidate pairs are
 * generated again from silver with the same configuration, which is deterministic). Appends one row to
 * {@code identity/_evaluation} and writes a Markdown and an HTML report with SVG charts.
 */
public final class EvaluateJob {

  private static final Logger LOG = LoggerFactory.getLogger(EvaluateJob.class);

  /**
   * What to evaluate.
   *
   * @param truth     {@code record_key}, {@code entity_id}
   * @param label     names the dataset in the report and table
   * @param blocking  also measure the blocking
   * @param reportDir where the report goes (local or s3a)
   */
  public record Request(Dataset<Row> truth, String label, boolean blocking, String reportDir) {
  }

  /** The metrics and the report files written. */
  public record Outcome(EvaluationResult result, List<String> reportFiles) {
  }

  private final SparkSession spark;
  private final PipelineConfig config;
  private final RunContext run;

  public EvaluateJob(SparkSession spark, PipelineConfig config, RunContext run) {
    this.spark = spark;
    this.config = config;
    this.run = run;
  }

  public Outcome run(Request request) {
    String mapPath = run.lakehouse().path(Tables.IDENTITY_MAP);
    Dataset<Row> predicted = DeltaIO.readIfExists(spark, mapPath).orElseThrow(() -> new IllegalStateException(
        "no identity/identity_map under " + run.lakehouse().root() + "; run `resolve` first"))
        .select(IdentityMap.RECORD_KEY, IdentityMap.CUSTOMER_ID);
    IdentityEvaluator evaluator = new IdentityEvaluator(EvaluationSettings.DEFAULTS);
    EvaluationRun evaluation = new EvaluationRun(run.runId(), request.label(), run.startedAt());
    try (StageScope scope = StageScope.open(spark, "evaluate", run.runId())) {
      scope.step(request.label());
      EvaluationResult result = request.blocking()
          ? evaluator.evaluate(evaluation, predicted, request.truth(), Candidates.keys(
              DeltaIO.read(spark, run.lakehouse().path(Tables.SILVER_IDENTITIES)), config.identitySettings()))
          : evaluator.evaluate(evaluation, predicted, request.truth());
      DeltaIO.append(EvaluationRows.toDataset(spark, result), run.lakehouse().path(Tables.IDENTITY_EVALUATION),
          DeltaIO.AppendSpec.plain());
      List<String> files = ReportWriter.write(result, request.reportDir(), spark.sparkContext().hadoopConfiguration());
      LOG.info("evaluate {} ({}): pairwise precision {} recall {} F1 {}; report in {}", run.runId(), request.label(),
          String.format("%.4f", result.metrics().pairwisePrecision()),
          String.format("%.4f", result.metrics().pairwiseRecall()),
          String.format("%.4f", result.metrics().pairwiseF1()), request.reportDir());
      return new Outcome(result, files);
    }
  }
}
