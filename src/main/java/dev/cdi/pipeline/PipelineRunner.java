package dev.cdi.pipeline;

import dev.cdi.bronze.IngestJob;
import dev.cdi.bronze.IngestResult;
import dev.cdi.config.PipelineConfig;
import dev.cdi.gold.GoldJob;
import dev.cdi.gold.GoldResult;
import dev.cdi.identity.ResolveJob;
import dev.cdi.identity.ResolveResult;
import dev.cdi.silver.SilverJob;
import dev.cdi.silver.SilverResult;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the pipeline's stages in order for one run and logs each stage's time. Each stage is idempotent on its own
 * (see its job), so a failed run is completed by running it again. Each job names its Spark jobs and logs its steps
 * and counts ({@link dev.cdi.spark.StageScope}).
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
    IngestResult ingest = new IngestJob(spark, config, run).run();
    SilverResult silver = new SilverJob(spark, config, run).run();
    ResolveResult resolve = null;
    if (config.identity() != null) {
      resolve = new ResolveJob(spark, config, run).run();
    } else {
      LOG.info("run {}: the configuration has no identity section; skipping resolve", run.runId());
    }
    GoldResult gold = null;
    if (resolve != null && config.gold() != null) {
      gold = new GoldJob(spark, config, run).run();
    } else {
      LOG.info("run {}: the configuration has no identity or no gold section; skipping build-gold", run.runId());
    }
    PipelineResult result = new PipelineResult(run.runId(), ingest, silver, resolve, gold,
        (System.nanoTime() - start) / 1e9);
    LOG.info("run {} finished in {}s: {}", run.runId(), seconds(result.seconds()), stageTimes(result));
    return result;
  }

  /** Each stage's time, e.g. {@code ingest 10.2s, standardize 20.1s, resolve 41.0s, build-gold 25.3s}. */
  static String stageTimes(PipelineResult result) {
    Map<String, Double> times = new LinkedHashMap<>();
    times.put("ingest", result.ingest().seconds());
    times.put("standardize", result.silver().seconds());
    result.resolveResult().ifPresent(r -> times.put("resolve", r.seconds()));
    result.goldResult().ifPresent(g -> times.put("build-gold", g.seconds()));
    return times.entrySet().stream().map(e -> e.getKey() + " " + seconds(e.getValue()) + "s")
        .collect(Collectors.joining(", "));
  }

  private static String seconds(double seconds) {
    return String.format(Locale.ROOT, "%.1f", seconds);
  }
}
