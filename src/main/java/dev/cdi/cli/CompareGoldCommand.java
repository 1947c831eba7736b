package dev.cdi.cli;

import dev.cdi.gold.GoldComparison;
import dev.cdi.gold.GoldComparison.TableDiff;
import dev.cdi.io.Lakehouse;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cdi compare-gold}: do two lakehouses hold the same gold rows? */
@Command(name = "compare-gold", mixinStandardHelpOptions = true,
    description = "Compare the gold tables of two lakehouses by key and row hash, e.g. a cluster run against a local"
        + " run of the same input. Exit code 0 when every table holds the same rows, 1 when any differs.")
final class CompareGoldCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "LEFT", description = "A lakehouse root, a local folder or s3a://bucket/prefix.")
  String left;

  @Parameters(index = "1", paramLabel = "RIGHT", description = "The lakehouse root to compare it with.")
  String right;

  @Option(names = "--samples", paramLabel = "N", defaultValue = "5",
      description = "Differing keys to list per table (default: ${DEFAULT-VALUE}).")
  int samples;

  @Option(names = "--master", paramLabel = "URL", description = "Spark master for local runs (default: local[*];"
      + " ignored under spark-submit).")
  String master;

  @Override
  public Integer call() {
    if (samples < 0) {
      throw new IllegalArgumentException("--samples must be >= 0, got " + samples);
    }
    GoldComparison.Result result = new GoldComparison(SparkOptions.start("cdi compare-gold", master), samples)
        .compare(new Lakehouse(left), new Lakehouse(right));
    PrintWriter out = spec.commandLine().getOut();
    out.printf("left  %s%nright %s%n", result.left(), result.right());
    out.printf("%-24s %10s %10s %9s %10s %11s%n", "table", "left rows", "right rows", "changed", "only left",
        "only right");
    for (TableDiff t : result.tables()) {
      out.printf("%-24s %,10d %,10d %,9d %,10d %,11d%s%n", t.table(), t.leftRows(), t.rightRows(), t.changed(),
          t.onlyLeft(), t.onlyRight(), t.sampleKeys().isEmpty() ? "" : "  e.g. " + String.join(", ", t.sampleKeys()));
    }
    out.println(result.identical() ? "identical: every gold table holds the same keys and row hashes"
        : "DIFFERENT: the gold tables above with changed or one-sided keys differ");
    out.flush();
    return result.identical() ? 0 : 1;
  }
}
