package dev.cdi.cli;

import dev.cdi.config.PipelineConfig;
import dev.cdi.identity.ResolveJob;
import dev.cdi.identity.ResolveResult;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code cdi resolve}: identity resolution over silver/identities. */
@Command(name = "resolve", mixinStandardHelpOptions = true,
    description = "Resolve identity records into customers: identifier links, MinHash-LSH candidates, unsupervised"
        + " Fellegi-Sunter scoring, guarded clustering and stable customer ids (identity/identity_map).")
final class ResolveCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Mixin
  CommonOptions common;

  @Override
  public Integer call() {
    if (common.dryRun(spec, Map.of(), PipelineConfig::identitySettings)) {
      return 0;
    }
    try (CommonOptions.Session session = common.openForWriting("resolve")) {
      ResolveResult result = new ResolveJob(session.spark(), session.config(), session.run()).run();
      Summaries.printResolve(spec.commandLine().getOut(), session.run(), result);
      return 0;
    }
  }
}
