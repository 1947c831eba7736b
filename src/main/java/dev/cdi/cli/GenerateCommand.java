package dev.cdi.cli;

import dev.cdi.config.S3Settings;
import dev.cdi.generator.GeneratorJob;
import dev.cdi.generator.GeneratorOptions;
import dev.cdi.generator.GeneratorResult;
import dev.cdi.spark.S3Access;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code cdi generate}: writes realistic raw dumps of every touchpoint system plus the ground truth. */
@Command(name = "generate", mixinStandardHelpOptions = true,
    description = "Generate realistic raw source dumps (CRM, e-commerce, web, email, support, POS, app) with"
        + " noise, hard cases, malformed rows and ground truth under <out>/_truth/.")
final class GenerateCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Option(names = "--customers", required = true, paramLabel = "N", description = "Number of people to simulate.")
  long customers;

  @Option(names = "--seed", defaultValue = "42", paramLabel = "S", description = "Random seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder (local or s3a://); must"
      + " not exist or be empty.")
  String out;

  @Option(names = "--bad-row-rate", paramLabel = "RATE", defaultValue = "0.002",
      description = "Share of records written malformed (default: ${DEFAULT-VALUE}).")
  double badRowRate;

  @Option(names = "--persons-per-partition", paramLabel = "N", defaultValue = "20000",
      description = "People per Spark task and output file (default: ${DEFAULT-VALUE}).")
  int personsPerPartition;

  @Option(names = "--master", paramLabel = "URL", description = "Spark master for local runs (default: local[*]).")
  String master;

  @Override
  public Integer call() {
    GeneratorOptions options = new GeneratorOptions(customers, seed, out, badRowRate, personsPerPartition);
    SparkSession spark = SparkOptions.start("cdi generate", master);
    S3Access.configure(spark, S3Settings.NONE, System.getenv());
    GeneratorResult result = GeneratorJob.run(spark, options);
    PrintWriter w = spec.commandLine().getOut();
    w.printf("Generated %,d people into %s in %.1f s (%,d files, %,d bytes, %,d malformed rows)%n",
        result.persons(), out, result.seconds(), result.files(), result.bytesWritten(), result.malformedRows());
    for (Map.Entry<String, Long> e : result.rowsPerSource().entrySet()) {
      w.printf("  %-20s %,12d rows%n", e.getKey(), e.getValue());
    }
    w.flush();
    return 0;
  }
}
