package dev.cdi.cli;

import dev.cdi.silver.SilverJob;
import dev.cdi.silver.SilverResult;
import java.util.concurrent.Callable;
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
    if (common.dryRun(spec)) {
      return 0;
    }
    try (CommonOptions.Session session = common.openForWriting("standardize")) {
      SilverResult result = new SilverJob(session.spark(), session.config(), session.run()).run();
      Summaries.printSilver(spec.commandLine().getOut(), session.run(), result);
      return 0;
    }
  }
}
