package dev.cdi.cli;

import dev.cdi.bronze.IngestJob;
import dev.cdi.bronze.IngestResult;
import java.util.concurrent.Callable;
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
    if (common.dryRun(spec)) {
      return 0;
    }
    try (CommonOptions.Session session = common.openForWriting("ingest")) {
      IngestResult result = new IngestJob(session.spark(), session.config(), session.run()).run();
      Summaries.printIngest(spec.commandLine().getOut(), session.run(), result);
      return 0;
    }
  }
}
