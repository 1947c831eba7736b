package dev.cdi.cli;

import dev.cdi.config.PipelineConfig;
import dev.cdi.pipeline.RunContext;
import dev.cdi.silver.SilverJob;
import dev.cdi.silver.SilverResult;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code cdi standardize}: silver standardization of every mapped source. */
@Command(name = "standardize", mixinStandardHelpOptions = true,
    description = "Standardize new bronze rows into silver/identities and silver/events (Delta MERGE), with"
        + " data-quality metrics in silver/_dq_metrics.")
final class StandardizeCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Mixin
  CommonOptions common;

  @Override
  public Integer call() {
    PipelineConfig config = common.config();
    RunContext run = common.runContext(config);
    SparkSession spark = SparkOptions.start("cdi standardize " + run.runId(), common.master);
    SilverResult result = new SilverJob(spark, config, run).run();
    Summaries.printSilver(spec.commandLine().getOut(), run, result);
    return 0;
  }
}
