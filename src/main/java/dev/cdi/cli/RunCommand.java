package dev.cdi.cli;

import dev.cdi.config.PipelineConfig;
import dev.cdi.pipeline.PipelineResult;
import dev.cdi.pipeline.PipelineRunner;
import dev.cdi.pipeline.RunContext;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code cdi run}: every implemented stage, in order. */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = "Run all pipeline stages in order (currently: ingest, standardize).")
final class RunCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Mixin
  CommonOptions common;

  @Override
  public Integer call() {
    PipelineConfig config = common.config();
    RunContext run = common.runContext(config);
    SparkSession spark = SparkOptions.start("cdi run " + run.runId(), common.master);
    PipelineResult result = new PipelineRunner(spark, config, run).run();
    Summaries.printIngest(spec.commandLine().getOut(), run, result.ingest());
    Summaries.printSilver(spec.commandLine().getOut(), run, result.silver());
    return 0;
  }
}
