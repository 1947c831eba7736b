package dev.cdi.cli;

import static org.apache.spark.sql.functions.col;

import dev.cdi.identity.eval.IdStability;
import dev.cdi.identity.eval.TruthLoader;
import dev.cdi.io.Columns.IdHistory;
import dev.cdi.io.Columns.IdentityMap;
import dev.cdi.io.DeltaIO;
import dev.cdi.io.Tables;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code cdi id-stability}: follows the generator's persons from an earlier copy of {@code identity/identity_map}
 * to the current one ({@link IdStability}) and counts {@code identity/id_history} rows by reason. Reads only.
 */
@Command(name = "id-stability", mixinStandardHelpOptions = true,
    description = "Follow the generator's persons from an earlier identity map to the lakehouse's identity/identity_map:"
        + " persons keeping their customer id, records moved, and identity/id_history rows by reason.")
final class IdStabilityCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Mixin
  CommonOptions common;

  @Option(names = "--truth", paramLabel = "DIR", required = true,
      description = "Generator output folder whose persons are followed (its _truth/identities), e.g. the smaller run.")
  String truth;

  @Option(names = "--before", paramLabel = "PATH", required = true,
      description = "The earlier identity map: a Delta table with record_key and customer_id, such as a copy of"
          + " identity/identity_map taken after an earlier resolve.")
  String before;

  @Option(names = "--history-run", paramLabel = "ID",
      description = "Count only the identity/id_history rows written by this resolve run (default: all rows).")
  String historyRun;

  @Override
  public Integer call() {
    Map<String, String> paths = new LinkedHashMap<>();
    paths.put("--truth", truth);
    paths.put("--before", before);
    if (common.dryRun(spec, paths, c -> { })) {
      return 0;
    }
    try (CommonOptions.Session session = common.open("id-stability")) {
      SparkSession spark = session.spark();
      String mapPath = session.run().lakehouse().path(Tables.IDENTITY_MAP);
      Dataset<Row> after = DeltaIO.readIfExists(spark, mapPath).orElseThrow(() -> new IllegalArgumentException(
          "no identity/identity_map under " + session.run().lakehouse().root() + "; run `resolve` first"));
      Dataset<Row> earlier = DeltaIO.readIfExists(spark, before).orElseThrow(() -> new IllegalArgumentException(
          "--before " + before + " is not a Delta table"));
      IdStability.Result result = IdStability.measure(TruthLoader.generatorTruth(spark, truth),
          earlier.select(IdentityMap.RECORD_KEY, IdentityMap.CUSTOMER_ID),
          after.select(IdentityMap.RECORD_KEY, IdentityMap.CUSTOMER_ID));
      Map<String, Long> history = historyByReason(spark, session.run().lakehouse().path(Tables.IDENTITY_ID_HISTORY));
      print(spec.commandLine().getOut(), mapPath, result, history);
      return 0;
    }
  }

  private Map<String, Long> historyByReason(SparkSession spark, String path) {
    Map<String, Long> out = new TreeMap<>();
    DeltaIO.readIfExists(spark, path).ifPresent(rows -> {
      Dataset<Row> selected = historyRun == null ? rows : rows.where(col(IdHistory.RUN_ID).equalTo(historyRun));
      selected.groupBy(IdHistory.REASON).count().collectAsList()
          .forEach(r -> out.put(r.getString(0), r.getLong(1)));
    });
    return out;
  }

  private void print(PrintWriter w, String mapPath, IdStability.Result r, Map<String, Long> history) {
    w.printf("%nid stability of %s against %s%n", mapPath, before);
    w.printf("  original persons          %,d%n", r.persons());
    w.printf("  persons keeping their id  %,d (%.3f%%)%n", r.personsKept(), 100 * r.keptShare());
    w.printf("  records followed          %,d%n", r.records());
    w.printf("  records moved             %,d%n", r.recordsMoved());
    w.printf("  records missing           %,d%n", r.recordsMissing());
    long rows = history.values().stream().mapToLong(Long::longValue).sum();
    StringBuilder reasons = new StringBuilder();
    history.forEach((reason, n) -> reasons.append(reasons.isEmpty() ? " (" : ", ").append(reason).append(' ')
        .append(String.format("%,d", n)));
    w.printf("  id_history rows%s  %,d%s%n", historyRun == null ? "" : " of run " + historyRun, rows,
        reasons.isEmpty() ? "" : reasons.append(')'));
    w.flush();
  }
}
