package dev.cdi.cli;

import dev.cdi.config.PipelineConfig;
import dev.cdi.gold.GoldJob;
import dev.cdi.gold.GoldResult;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code cdi build-gold}: the gold tables from silver and identity. */
@Command(name = "build-gold", mixinStandardHelpOptions = true,
    description = "Build the gold tables: customer_360 (golden records by survivorship, identifiers, traits),"
        + " journey and anonymous_journey (sessions, stages), attribution (five models) and households.")
final class BuildGoldCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Mixin
  CommonOptions common;

  @Option(names = "--optimize", description = "Afterwards compact the gold tables' small files and Z-order"
      + " customer_360 and attribution by customer id (Delta OPTIMIZE).")
  boolean optimize;

  @Override
  public Integer call() {
    if (common.dryRun(spec, Map.of(), PipelineConfig::goldSettings)) {
      return 0;
    }
    try (CommonOptions.Session session = common.openForWriting("build-gold")) {
      GoldJob job = new GoldJob(session.spark(), session.config(), session.run());
      GoldResult result = job.run();
      if (optimize) {
        job.optimize();
      }
      Summaries.printGold(spec.commandLine().getOut(), session.run(), result);
      return 0;
    }
  }
}
