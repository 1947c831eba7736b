package dev.cdi.pipeline;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.cdi.cli.CdiCommand;
import dev.cdi.io.DeltaIO;
import dev.cdi.io.Lakehouse;
import dev.cdi.io.Tables;
import dev.cdi.testing.SharedData;
import dev.cdi.testing.SharedSpark;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Febrl example config onboards a new source without code; skipped when ../shared/data/febrl is absent. */
class FebrlOnboardingTest {

  private static final Path FEBRL = SharedData.FEBRL;

  @Test
  void febrlStandardizesByConfigurationAlone(@TempDir Path dir) throws IOException {
    assumeTrue(Files.isRegularFile(FEBRL.resolve("dataset1.csv")), "shared Febrl data is not present");
    Path input = Files.createDirectories(dir.resolve("in"));
    Files.copy(FEBRL.resolve("dataset1.csv"), input.resolve("dataset1.csv"));
    Lakehouse lake = new Lakehouse(dir.resolve("lake").toString());

    assertEquals(0, CdiCommand.execute("run", "--conf", "conf/examples/febrl.yaml", "--input", input.toString(),
        "--lakehouse", lake.root(), "--run-id", "febrl-1"));

    Set<String> expected = Files.readAllLines(input.resolve("dataset1.csv")).stream().skip(1)
        .map(line -> "febrl:" + line.substring(0, line.indexOf(',')).strip()).collect(Collectors.toSet());
    Dataset<Row> identities = DeltaIO.read(SharedSpark.session(), lake.path(Tables.SILVER_IDENTITIES));
    assertEquals(1000, expected.size());
    assertEquals(expected, Set.copyOf(identities.select("record_key").collectAsList().stream()
        .map(r -> r.getString(0)).toList()));
    Row first = identities.where(col("record_key").equalTo("febrl:rec-122-org")).first();
    assertEquals(List.of("Lachlan", "berry", "1999-02-19", "69 giblin st killarney bittern qld 4814", "AU"),
        List.of(first.getAs("given_name"), first.getAs("family_key"), String.valueOf((Object) first.getAs(
            "birth_date")), first.getAs("address_key"), first.getAs("country")));
  }
}
