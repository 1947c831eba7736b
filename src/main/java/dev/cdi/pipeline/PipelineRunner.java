package dev.cdi.pipeline;

import dev.cdi.bronze.IngestJob;
import dev.cdi.bronze.IngestResult;
import dev.cdi.config.PipelineConfig;
import dev.cdi.gold.GoldJob;
import dev.cdi.gold.GoldResult;
import dev.cdi.identity.ResolveJob;
import dev.cdi.identity.ResolveResult;
import dev.cdi.report.RunReportJob;
import dev.cdi.silver.SilverJob;
import dev.cdi.silver.SilverResult;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the pipeline's stages in order for one run, timing each, then writes the run report
 * ({@code <lakehouse>/_reports/<run id>.html}, see {@link RunReportJob}). Each stage is idempotent on its own (see
 * its job), so a failed run is completed by running it again. Each job names its Spark jobs and logs its steps and
 * counts ({@link dev.cdi.spark.StageScope}).
 */
public final class PipelineRunner {

  private static final Logger LOG = LoggerFactory.getLogger(PipelineRunner.class);

  private final SparkSession spark;
  private final PipelineConfig config;
  private final RunContext run;

  public PipelineRunner(SparkSession spark, PipelineConfig config, RunContext run) {
    this.spark = spark;
    this.config = config;
    this.run = run;
  }

  public PipelineResult run() {
    long start = System.nanoTime();
    LOG.info("run {} starting: lakehouse {}, input {}, {} source(s)", run.runId(), config.lakehouse(),
        config.inputRoot(), config.sources().size());
    List<StageTiming> timings = new ArrayList<>();
    IngestResult ingest = timed(timings, "ingest", () -> new IngestJob(spark, config, run).run());
    SilverResult silver = timed(timings, "standardize", () -> new SilverJob(spark, config, run).run());
    ResolveResult resolve = null;
    if (config.identity() != null) {
      resolve = timed(timings, "resolve", () -> new ResolveJob(spark, config, run).run());
    } else {
      LOG.info("run {}: the configuration has no identity section; skipping resolve", run.runId());
    }
    GoldResult gold = null;
    if (resolve != null && config.gold() != null) {
      gold = timed(timings, "build-gold", () -> new GoldJob(spark, config, run).run());
    } else {
      LOG.info("run {}: the configuration has no identity or no gold section; skipping build-gold", run.runId());
    }
    PipelineResult result = new PipelineResult(run.runId(), ingest, silver, resolve, gold, timings,
        seconds(start), null);
    LOG.info("run {}: stages finished in {}s ({})", run.runId(), String.format("%.1f", result.seconds()), timings);
    return result.withReport(new RunReportJob(spark, config, run).run(result));
  }

  private <T> T timed(List<StageTiming> timings, String stage, Supplier<T> job) {
    long start = System.nanoTime();
    T result = job.get();
    timings.add(new StageTiming(stage, seconds(start)));
    return result;
  }

  private static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }
}
