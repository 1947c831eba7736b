package dev.cdi.generator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cdi.testing.SharedSpark;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** End to end through Spark with the shared local session. */
class GeneratorJobSparkTest {

  private static final int CUSTOMERS = 300;

  @TempDir
  Path tmp;

  @Test
  void generatesAllSourcesWithConsistentTruthAndIsReproducible() throws IOException {
    SparkSession spark = SharedSpark.session();
    Path first = tmp.resolve("first");
    GeneratorResult result = GeneratorJob.run(spark, options(first));

    assertEquals(CUSTOMERS, result.persons());
    assertEquals(Sources.ALL.stream().map(SourceSpec::name).toList(), List.copyOf(result.rowsPerSource().keySet()));
    for (SourceSpec spec : Sources.ALL) {
      List<String> parts = TestFiles.relativeFiles(first.resolve(spec.name()));
      assertTrue(parts.size() >= 2, spec.name() + " has " + parts);
      assertTrue(parts.stream().noneMatch(name -> name.endsWith(".crc")), parts.toString());
      assertTrue(result.rowsPerSource().get(spec.name()) > 0, spec.name());
    }
    assertTruthFilesAddUp(first, result);
    assertReadableJsonParses(first);
    assertIdentityIdsUnique(first);
    assertEquals(TestFiles.relativeFiles(first).size(), result.files());

    Path second = tmp.resolve("second");
    GeneratorJob.run(spark, options(second));
    assertIdentical(first, second);
  }

  @Test
  void refusesANonEmptyOutputFolder() throws IOException {
    Path out = Files.createDirectories(tmp.resolve("used"));
    Files.writeString(out.resolve("keep.txt"), "x");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> GeneratorJob.run(SharedSpark.session(), GeneratorOptions.withDefaults(10, 1, out.toString())));
    assertTrue(e.getMessage().contains("is not empty"), e.getMessage());
  }

  private static GeneratorOptions options(Path out) {
    return new GeneratorOptions(CUSTOMERS, 5, out.toString(), 0.02, 20_000);
  }

  private static void assertTruthFilesAddUp(Path out, GeneratorResult result) throws IOException {
    Map<String, Long> rows = new HashMap<>();
    long malformed = 0;
    for (List<String> row : TestFiles.truthRows(out, "files")) {
      rows.merge(row.get(0), Long.parseLong(row.get(2)), Long::sum);
      malformed += Long.parseLong(row.get(3));
      byte[] bytes = Files.readAllBytes(out.resolve(row.get(1)));
      boolean csv = row.get(1).endsWith(".csv");
      int records = csv ? TestFiles.csvRecords(bytes).size() - 1 : TestFiles.lines(bytes).size();
      assertEquals(Long.parseLong(row.get(2)), records, row.get(1));
    }
    assertEquals(result.rowsPerSource(), rows);
    assertEquals(result.malformedRows(), malformed);
  }

  private static void assertReadableJsonParses(Path out) throws IOException {
    for (SourceSpec spec : Sources.ALL) {
      if (spec.format() != SourceSpec.Format.JSONL) {
        continue;
      }
      for (List<String> row : TestFiles.truthRows(out, "files")) {
        if (!row.get(0).equals(spec.name())) {
          continue;
        }
        List<byte[]> lines = TestFiles.lines(Files.readAllBytes(out.resolve(row.get(1))));
        long parsed = lines.stream().filter(line -> TestFiles.strictJsonObject(line) != null).count();
        assertEquals(lines.size() - Long.parseLong(row.get(3)), parsed, row.get(1));
        lines.stream().map(TestFiles::strictJsonObject).filter(node -> node != null)
            .forEach(node -> assertNotNull(node.get(spec.columns().get(0)), spec.name()));
      }
    }
  }

  private static void assertIdentityIdsUnique(Path out) throws IOException {
    Set<String> seen = new HashSet<>();
    for (List<String> row : TestFiles.truthRows(out, "identities")) {
      assertTrue(seen.add(row.get(0) + "/" + row.get(1)), "duplicate identity " + row);
    }
    assertTrue(seen.size() > CUSTOMERS);
  }

  private static void assertIdentical(Path a, Path b) throws IOException {
    List<String> files = TestFiles.relativeFiles(a);
    assertEquals(files, TestFiles.relativeFiles(b));
    for (String file : files) {
      assertArrayEquals(Files.readAllBytes(a.resolve(file)), Files.readAllBytes(b.resolve(file)), file);
    }
  }
}
