package dev.cdi.generator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeterminismTest {

  @TempDir
  Path tmp;

  @Test
  void sameOptionsGiveByteIdenticalFiles() throws IOException {
    TestFiles.generate(tmp.resolve("a"), 500, 7, 0.01, 200);
    TestFiles.generate(tmp.resolve("b"), 500, 7, 0.01, 200);
    List<String> files = TestFiles.relativeFiles(tmp.resolve("a"));
    assertEquals(files, TestFiles.relativeFiles(tmp.resolve("b")));
    assertEquals(3 * 14, files.size());
    for (String file : files) {
      assertArrayEquals(Files.readAllBytes(tmp.resolve("a").resolve(file)),
          Files.readAllBytes(tmp.resolve("b").resolve(file)), file);
    }
  }

  @Test
  void anotherSeedGivesOtherData() throws IOException {
    TestFiles.generate(tmp.resolve("a"), 50, 1, 0.002, 100);
    TestFiles.generate(tmp.resolve("b"), 50, 2, 0.002, 100);
    String file = "_truth/persons/part-00000.csv";
    assertNotEquals(Files.readString(tmp.resolve("a").resolve(file)), Files.readString(tmp.resolve("b").resolve(file)));
  }

  @Test
  void aLargerRunStartsWithTheSamePersonsAndRecords() throws IOException {
    Path small = tmp.resolve("small");
    Path large = tmp.resolve("large");
    TestFiles.generate(small, 100, 9, 0.002, 20_000);
    TestFiles.generate(large, 200, 9, 0.002, 20_000);
    List<List<String>> smallPersons = TestFiles.truthRows(small, "persons");
    List<List<String>> largePersons = TestFiles.truthRows(large, "persons");
    assertEquals(100, smallPersons.size());
    assertEquals(smallPersons, largePersons.subList(0, 100));
    for (String table : List.of("identities", "events")) {
      Set<List<String>> largeRows = new HashSet<>(TestFiles.truthRows(large, table));
      assertTrue(largeRows.containsAll(TestFiles.truthRows(small, table)), table);
    }
    for (SourceSpec spec : Sources.ALL) {
      Set<String> largeRecords = new HashSet<>(records(large, spec));
      List<String> smallRecords = records(small, spec);
      assertTrue(largeRecords.containsAll(smallRecords), spec.name());
    }
  }

  @Test
  void partitioningDoesNotChangeTheRecords() throws IOException {
    TestFiles.generate(tmp.resolve("two"), 200, 3, 0.0, 20_000);
    TestFiles.generate(tmp.resolve("many"), 200, 3, 0.0, 30);
    for (SourceSpec spec : Sources.ALL) {
      List<String> two = records(tmp.resolve("two"), spec);
      List<String> many = records(tmp.resolve("many"), spec);
      assertEquals(sorted(two), sorted(many), spec.name());
    }
  }

  /** All records of a source (CSV headers excluded), in file order. */
  private static List<String> records(Path out, SourceSpec spec) throws IOException {
    List<String> records = new ArrayList<>();
    for (String file : TestFiles.relativeFiles(out.resolve(spec.name()))) {
      byte[] bytes = Files.readAllBytes(out.resolve(spec.name()).resolve(file));
      boolean csv = spec.format() == SourceSpec.Format.CSV;
      List<byte[]> lines = csv ? TestFiles.csvRecords(bytes) : TestFiles.lines(bytes);
      lines.subList(csv ? 1 : 0, lines.size())
          .forEach(line -> records.add(new String(line, StandardCharsets.ISO_8859_1)));
    }
    return records;
  }

  private static List<String> sorted(List<String> items) {
    List<String> copy = new ArrayList<>(items);
    copy.sort(null);
    return copy;
  }
}
