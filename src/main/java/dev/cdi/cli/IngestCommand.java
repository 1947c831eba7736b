package dev.cdi.cli;

import dev.cdi.bronze.IngestJob;
import dev.cdi.bronze.IngestResult;
import dev.cdi.config.PipelineConfig;
import dev.cdi.pipeline.RunContext;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code cdi ingest}: bronze ingestion of every configured source. */
@Command(name = "ingest", mixinStandardHelpOptions = true,
    description = "Append new source files to bronze Delta tables; malformed rows go to bronze/_quarantine.")
final class IngestCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Mixin
  CommonOptions common;

  @Override
  public Integer call() {
    PipelineConfig config = common.config();
    RunContext run = common.runContext(config);
    SparkSession spark = SparkOptions.start("cdi ingest " + run.runId(), common.master);
    IngestResult result = new IngestJob(spark, config, run).run();
    Summaries.printIngest(spec.commandLine().getOut(), run, result);
    return 0;
  }
}
