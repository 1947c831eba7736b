package dev.cdi.cli;

import dev.cdi.pipeline.PipelineResult;
import dev.cdi.pipeline.PipelineRunner;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code cdi run}: every implemented stage, in order. */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = "Run all pipeline stages in order: ingest, standardize, resolve (with an identity section) and"
        + " build-gold (with identity and gold sections); then write the run report to"
        + " <lakehouse>/_reports/<run id>.html and _reports/latest.html.")
final class RunCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Mixin
  CommonOptions common;

  @Override
  public Integer call() {
    if (common.dryRun(spec)) {
      return 0;
    }
    try (CommonOptions.Session session = common.openForWriting("run")) {
      PipelineResult result = new PipelineRunner(session.spark(), session.config(), session.run()).run();
      Summaries.printIngest(spec.commandLine().getOut(), session.run(), result.ingest());
      Summaries.printSilver(spec.commandLine().getOut(), session.run(), result.silver());
      result.resolveResult().ifPresent(r -> Summaries.printResolve(spec.commandLine().getOut(), session.run(), r));
      result.goldResult().ifPresent(g -> Summaries.printGold(spec.commandLine().getOut(), session.run(), g));
      Summaries.printRun(spec.commandLine().getOut(), result);
      return 0;
    }
  }
}
