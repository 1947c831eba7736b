package dev.cdi.cli;

import dev.cdi.identity.EvaluateJob;
import dev.cdi.identity.eval.EntityRule;
import dev.cdi.identity.eval.EvaluationResult;
import dev.cdi.identity.eval.LabelledTruthSpec;
import dev.cdi.identity.eval.TruthFormat;
import dev.cdi.identity.eval.TruthLoader;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code cdi evaluate}: identity resolution quality against labelled truth. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
    description = "Compare identity/identity_map with labelled truth: pairwise and B-cubed precision/recall/F1,"
        + " adjusted Rand index, optionally blocking pair completeness; writes identity/_evaluation and a report.")
final class EvaluateCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Mixin
  CommonOptions common;

  @ArgGroup(exclusive = true, multiplicity = "1")
  TruthOptions truth;

  @Option(names = "--label", paramLabel = "NAME", description = "Dataset label in the report (default: the truth path).")
  String label;

  @Option(names = "--blocking", description = "Also measure blocking (pair completeness, reduction ratio).")
  boolean blocking;

  @Option(names = "--report", paramLabel = "DIR",
      description = "Report folder (default: <lakehouse>/_reports/evaluation/<run id>).")
  String report;

  /** Where the truth comes from. */
  static final class TruthOptions {
    @Option(names = "--truth", paramLabel = "DIR", required = true,
        description = "The generator's output folder (its _truth/identities CSV files).")
    String generator;

    @ArgGroup(exclusive = false)
    Labelled labelled;
  }

  /** Any labelled table. */
  static final class Labelled {
    @Option(names = "--labelled", paramLabel = "PATH", required = true, description = "A labelled table of records.")
    String path;

    @Option(names = "--format", defaultValue = "csv", description = "csv (with header), parquet or delta.")
    String format;

    @Option(names = "--id-column", required = true, description = "Column with the source record id.")
    String idColumn;

    @Option(names = "--entity-column", description = "Column with the true entity id.")
    String entityColumn;

    @Option(names = "--entity-regex", description = "Regex whose group 1, applied to the record id, is the entity.")
    String entityRegex;

    @Option(names = "--source", required = true, description = "Source name the record keys are prefixed with.")
    String source;
  }

  @Override
  public Integer call() {
    if (truth.labelled != null && (truth.labelled.entityColumn == null) == (truth.labelled.entityRegex == null)) {
      throw new ParameterException(spec.commandLine(),
          "give exactly one of --entity-column and --entity-regex with --labelled");
    }
    Map<String, String> paths = new LinkedHashMap<>();
    paths.put("--truth", truth.generator);
    paths.put("--labelled", truth.labelled == null ? null : truth.labelled.path);
    paths.put("--report", report);
    if (common.dryRun(spec, paths, c -> { })) {
      return 0;
    }
    try (CommonOptions.Session session = common.openForWriting("evaluate")) {
      String dir = report != null ? report : session.run().lakehouse().root() + "/_reports/evaluation/"
          + session.run().runId();
      String name = label != null ? label : truth.generator != null ? truth.generator : truth.labelled.path;
      EvaluateJob.Outcome outcome = new EvaluateJob(session.spark(), session.config(), session.run())
          .run(new EvaluateJob.Request(truthTable(session.spark()), name, blocking, dir));
      print(spec.commandLine().getOut(), outcome);
      return 0;
    }
  }

  private Dataset<Row> truthTable(SparkSession spark) {
    if (truth.generator != null) {
      return TruthLoader.generatorTruth(spark, truth.generator);
    }
    Labelled l = truth.labelled;
    EntityRule entity = l.entityColumn != null ? EntityRule.column(l.entityColumn) : EntityRule.regex(l.entityRegex);
    return TruthLoader.labelled(spark, new LabelledTruthSpec(l.path, TruthFormat.parse(l.format), l.idColumn, entity,
        l.source));
  }

  private static void print(PrintWriter w, EvaluateJob.Outcome outcome) {
    EvaluationResult r = outcome.result();
    w.printf("%nevaluation %s of %s%n", r.run().runId(), r.run().datasetLabel());
    w.printf("  records evaluated %,d (only in truth %,d, only predicted %,d)%n", r.records().evaluated(),
        r.records().onlyTruth(), r.records().onlyPredicted());
    w.printf("  pairwise precision %.4f  recall %.4f  F1 %.4f%n", r.metrics().pairwisePrecision(),
        r.metrics().pairwiseRecall(), r.metrics().pairwiseF1());
    w.printf("  B-cubed precision %.4f  recall %.4f  F1 %.4f; adjusted Rand index %.4f%n",
        r.metrics().bcubedPrecision(), r.metrics().bcubedRecall(), r.metrics().bcubedF1(),
        r.metrics().adjustedRandIndex());
    r.blocking().ifPresent(b -> w.printf("  blocking: %,d candidate pairs, pair completeness %.4f, reduction ratio"
        + " %.6f%n", b.candidatePairs(), b.pairCompleteness(), b.reductionRatio()));
    w.println("Report:");
    outcome.reportFiles().forEach(f -> w.printf("  %s%n", f));
    w.flush();
  }
}
