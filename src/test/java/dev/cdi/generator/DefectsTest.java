package dev.cdi.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Each defect kind really is malformed in the way ingestion detects, and clean records really are clean. */
class DefectsTest {

  private static final SourceSpec CSV_SPEC = SourceSpec.csv("t", ',', List.of("id", "name", "ts", "note"), "ts",
      "name");
  private static final SourceSpec JSON_SPEC = SourceSpec.jsonl("j", List.of("id", "name", "ts"), "ts", "name");

  @Test
  void wrongFieldCountChangesTheFieldCount() {
    SplittableRandom r = new SplittableRandom(1);
    for (int i = 0; i < 50; i++) {
      String[] fields = CsvSourceFile.wrongFieldCount(r, new String[] {"1", "Bob, Jr", "x", "a \"quoted\"\nnote"});
      byte[] line = Csv.line(fields, ',').getBytes(StandardCharsets.UTF_8);
      assertNotEquals(4, TestFiles.csvFields(line, ',').size());
      assertEquals(1, TestFiles.csvRecords(append(line, "\n")).size(), "must not swallow the next record");
    }
  }

  @Test
  void invalidUtf8FailsStrictDecoding() {
    SplittableRandom r = new SplittableRandom(2);
    for (int i = 0; i < 50; i++) {
      String marked = Utf8Damage.mark(r, i % 2 == 0 ? "García" : "Smith");
      byte[] line = Utf8Damage.replaceMarker(r, ("1," + marked + ",x").getBytes(StandardCharsets.UTF_8));
      assertFalse(TestFiles.isValidUtf8(line), new String(line, StandardCharsets.ISO_8859_1));
    }
  }

  @Test
  void everyCsvDefectIsDetectedAndCounted() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    CsvSourceFile file = csvFile(bytes, 0.4);
    SplittableRandom r = new SplittableRandom(3);
    int good = 0;
    for (int i = 0; i < 2000; i++) {
      String[] fields = {Integer.toString(i), "Núñez, \"Bob\"", "2024-01-01", "line\nbreak"};
      good += file.write(fields, r) ? 1 : 0;
    }
    FileStats stats = file.stats(true);
    List<byte[]> records = TestFiles.csvRecords(bytes.toByteArray());
    assertEquals(2001, records.size());
    long readable = records.subList(1, records.size()).stream()
        .filter(rec -> TestFiles.isGoodCsvRecord(rec, ',', 4)).count();
    assertEquals(good, readable);
    assertEquals(2000 - good, stats.malformedRows());
    assertTrue(stats.malformedRows() > 500 && stats.badTimestampRows() > 100, stats.toString());
    long badTimestamps = records.subList(1, records.size()).stream()
        .filter(rec -> TestFiles.isGoodCsvRecord(rec, ',', 4))
        .filter(rec -> !TestFiles.csvFields(rec, ',').get(2).equals("2024-01-01")).count();
    assertEquals(stats.badTimestampRows(), badTimestamps);
  }

  @Test
  void everyJsonDefectIsDetectedAndCounted() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    JsonSourceFile file = new JsonSourceFile(JSON_SPEC, "j/part-00000.jsonl", bytes,
        new DefectPicker(0.5, JSON_SPEC.format()));
    SplittableRandom r = new SplittableRandom(4);
    int good = 0;
    for (int i = 0; i < 2000; i++) {
      Map<String, Object> record = new LinkedHashMap<>();
      record.put("id", (long) i);
      record.put("name", "Zoë O'Brien");
      record.put("ts", "2024-01-01T00:00:00Z");
      good += file.write(record, r) ? 1 : 0;
    }
    List<byte[]> lines = TestFiles.lines(bytes.toByteArray());
    assertEquals(2000, lines.size());
    long readable = lines.stream().filter(line -> TestFiles.strictJsonObject(line) != null).count();
    assertEquals(good, readable);
    assertEquals(2000 - good, file.stats(true).malformedRows());
    long badTimestamps = lines.stream().map(TestFiles::strictJsonObject).filter(node -> node != null)
        .filter(node -> !node.get("ts").asText().equals("2024-01-01T00:00:00Z")).count();
    assertEquals(file.stats(true).badTimestampRows(), badTimestamps);
  }

  @Test
  void atMostOneOversizedFieldPerFile() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    CsvSourceFile file = csvFile(bytes, 0.49);
    SplittableRandom r = new SplittableRandom(5);
    for (int i = 0; i < 5000; i++) {
      file.write(new String[] {"1", "Bob", "t", ""}, r);
    }
    long oversized = TestFiles.csvRecords(bytes.toByteArray()).stream()
        .filter(rec -> rec.length > TestFiles.FIELD_LIMIT).count();
    assertEquals(1, oversized);
  }

  @Test
  void truncatedJsonIsAProperPrefixAndInvalid() {
    byte[] line = "{\"a\":\"García\",\"b\":[1,2,{\"c\":null}]}".getBytes(StandardCharsets.UTF_8);
    SplittableRandom r = new SplittableRandom(6);
    for (int i = 0; i < 100; i++) {
      byte[] cut = JsonSourceFile.truncate(r, line);
      assertTrue(cut.length < line.length && cut.length > 0);
      assertTrue(TestFiles.isValidUtf8(cut));
      assertNull(TestFiles.strictJsonObject(cut));
    }
  }

  @Test
  void cleanJsonParses() {
    byte[] line = JsonLines.encode(new LinkedHashMap<>(Map.of("total", Money.ofCents(12340))));
    JsonNode node = TestFiles.strictJsonObject(line);
    assertNotNull(node);
    assertEquals("{\"total\":123.40}", new String(line, StandardCharsets.UTF_8));
  }

  private static CsvSourceFile csvFile(ByteArrayOutputStream bytes, double rate) {
    return new CsvSourceFile(CSV_SPEC, "t/part-00000.csv", bytes, new DefectPicker(rate, CSV_SPEC.format()));
  }

  private static byte[] append(byte[] line, String tail) {
    byte[] out = Arrays.copyOf(line, line.length + tail.length());
    System.arraycopy(tail.getBytes(StandardCharsets.US_ASCII), 0, out, line.length, tail.length());
    return out;
  }
}
