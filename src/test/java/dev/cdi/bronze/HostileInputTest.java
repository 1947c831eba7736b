package dev.cdi.bronze;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cdi.config.ConfigLoader;
import dev.cdi.config.PipelineConfig;
import dev.cdi.io.Columns;
import dev.cdi.io.Columns.Bronze;
import dev.cdi.io.Columns.Quarantine;
import dev.cdi.io.DeltaIO;
import dev.cdi.io.Lakehouse;
import dev.cdi.io.TableId;
import dev.cdi.io.Tables;
import dev.cdi.pipeline.PipelineResult;
import dev.cdi.pipeline.PipelineRunner;
import dev.cdi.pipeline.RunContext;
import dev.cdi.testing.SharedSpark;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fuzz-style ingestion of hostile files: truncated files, a wrong delimiter, byte order marks (UTF-8 and UTF-16),
 * CRLF and CR-only line ends, line breaks inside quoted fields, bytes that are not UTF-8, a 10 MB field, deeply
 * nested JSON, wrong JSON types and non-object lines, zero-byte, blank-only and header-only files, columns added,
 * removed and renamed in case between dumps, one file under two names, names with spaces, unicode and glob
 * characters, binary junk, broken Parquet. The pipeline (ingest and standardize) completes, and every file
 * reconciles exactly: the expected number of rows in bronze, and each quarantined row with its file, row number
 * and reason.
 */
class HostileInputTest {

  private static final int TEN_MB = 10 * 1024 * 1024;
  private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
  private static final String HEADER = "id,name,email\n";

  private final SparkSession spark = SharedSpark.session();
  @TempDir
  Path dir;

  /** A quarantined row: its 1-based row number (null for a whole unreadable file) and the start of its reason. */
  private record Q(Long row, String reason) {
  }

  /** One hostile file and what ingesting it must give. */
  private record Case(String source, String path, byte[] content, long bronze, long blankLines, List<Q> quarantined) {
    long read() {
      return bronze + quarantined.size();
    }
  }

  private static Case ok(String source, String path, String text, long bronze) {
    return new Case(source, path, utf8(text), bronze, 0, List.of());
  }

  private static Case bad(String source, String path, byte[] content, long bronze, Q... quarantined) {
    return new Case(source, path, content, bronze, 0, List.of(quarantined));
  }

  private static Q q(long row, String reason) {
    return new Q(row, reason);
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }

  private static List<Case> textCases() {
    String tenMb = "x".repeat(TEN_MB);
    List<Case> cases = new ArrayList<>(List.of(
        ok("csv", "csv/clean.csv", HEADER + "1,Ann,a@x.com\n2,Bob,b@x.com\n", 2),
        new Case("csv", "csv/bom_crlf.csv", concat(UTF8_BOM, utf8("id,name,email\r\n3,Cy,c@x.com\r\n4,Di,d@x.com\r\n")),
            2, 0, List.of()),
        ok("csv", "csv/cr_only.csv", "id,name,email\r5,Ed,e@x.com\r6,Flo,f@x.com\r", 2),
        ok("csv", "csv/quoted_newlines.csv",
            HEADER + "7,\"Gil\nvan\r\nDam\",g@x.com\n8,\"He said \"\"hi\"\", ok\",h@x.com\n", 2),
        bad("csv", "csv/truncated_row.csv", utf8(HEADER + "9,Ivy,i@x.com\n10,Ja"), 1,
            q(2, "row has 2 fields, the header has 3")),
        bad("csv", "csv/truncated_quote.csv", utf8(HEADER + "11,Kim,k@x.com\n12,\"Lee"), 1,
            q(2, "unterminated quoted field at end of file")),
        bad("csv", "csv/wrong_delimiter.csv", utf8("id;name;email\n13;Mo;m@x.com\n14;Ned;n@x.com\n"), 0,
            q(1, "file header (line 1) is unreadable: it is one column containing ';'"),
            q(2, "file header (line 1) is unreadable: it is one column containing ';'")),
        bad("csv", "csv/non_utf8.csv", concat(utf8(HEADER + "15,Ren"), new byte[] {(byte) 0xE9},
            utf8(",r@x.com\n16,Sue,s@x.com\n")), 1, q(1, "invalid UTF-8 byte sequence at byte 7 of the record")),
        bad("csv", "csv/huge_field.csv", utf8(HEADER + "17," + tenMb + ",t@x.com\n18,Uma,u@x.com\n"), 1,
            q(1, "field 'name' is 10485760 bytes, over ingest.max_field_bytes (262144)")),
        ok("csv", "csv/empty.csv", "", 0),
        new Case("csv", "csv/blank_lines.csv", utf8("\n\n\r\n  \n"), 0, 4, List.of()),
        ok("csv", "csv/header_only.csv", HEADER, 0),
        ok("csv", "csv/header_only_no_newline.csv", "id,name,email", 0),
        ok("csv", "csv/columns_added.csv", "id,name,email,loyalty\n19,Vi,v@x.com,L1\n", 1),
        ok("csv", "csv/columns_removed.csv", "id,email\n20,w@x.com\n", 1),
        bad("csv", "csv/extra_delimiter.csv", utf8(HEADER + "21,Xi,x@x.com,\n"), 0,
            q(1, "row has 4 fields, the header has 3")),
        bad("csv", "csv/utf16.csv", concat(new byte[] {(byte) 0xFF, (byte) 0xFE},
                "id,name,email\n22,Yo,y@x.com\n".getBytes(StandardCharsets.UTF_16LE)), 0,
            q(1, "file header (line 1) is unreadable: the file starts with a UTF-16 byte order mark"),
            q(2, "file header (line 1) is unreadable: the file starts with a UTF-16 byte order mark")),
        ok("csv", "csv/nul_byte.csv", HEADER + "23,Z\u0000e,z@x.com\n", 1),
        bad("csv", "csv/binary.csv", new byte[] {0x1f, (byte) 0x8b, 0x08, 0x00, (byte) 0xff, '\n', 0x00, (byte) 0xfe,
                '\n', (byte) 0xc3, '\n'}, 0,
            q(1, "file header (line 1) is unreadable: invalid UTF-8 byte sequence at byte 2 of the record"),
            q(2, "file header (line 1) is unreadable: invalid UTF-8 byte sequence at byte 2 of the record")),
        bad("csv", "csv/open_quote_mid.csv", utf8(HEADER + "24,\"open,o@x.com\n25,Ok,ok@x.com\n"), 0,
            q(1, "unterminated quoted field at end of file")),
        bad("csv", "csv/bad_quote.csv", utf8(HEADER + "26,\"A\"B,x@x.com\n"), 0,
            q(1, "unexpected character 'B' after closing quote")),
        ok("csv", "csv/dup_a.csv", HEADER + "27,Dup,d@x.com\n", 1),
        ok("csv", "csv/dup copy b.csv", HEADER + "27,Dup,d@x.com\n", 1),
        ok("csv", "csv/sub dir ü/naïve 名前 [1] {x}.csv", HEADER + "28,Ünï,u@x.com\n", 1),
        ok("csv", "csv/case_changed.csv", "ID,Name,EMAIL\n29,Cc,cc@x.com\n", 1),
        ok("csv", "csv/duplicate_header.csv", "id,name,name,\n30,A,B,C\n", 1),

        ok("json", "json/clean.jsonl", "{\"id\":\"j1\",\"name\":\"Jo\"}\n{\"id\":\"j2\",\"name\":\"Ju\"}\n", 2),
        bad("json", "json/truncated.jsonl", utf8("{\"id\":\"j3\"}\n{\"id\":\"j4\",\"na"), 1, q(2, "invalid JSON: ")),
        bad("json", "json/deep.jsonl", utf8("{\"id\":\"j5\",\"x\":" + "[".repeat(5000) + "]".repeat(5000) + "}\n"
            + "{\"id\":\"j6\",\"x\":" + "{\"a\":".repeat(40) + "1" + "}".repeat(40) + "}\n"), 1,
            q(1, "invalid JSON: Depth (1001) exceeds the maximum allowed nesting depth (1000)")),
        ok("json", "json/wrong_types.jsonl", "{\"id\":7,\"name\":[\"a\",\"b\"],\"amount\":{\"v\":1.10},\"ok\":true,"
            + "\"n\":null}\n", 1),
        bad("json", "json/not_objects.jsonl", utf8("[1,2]\n\"s\"\n42\nnull\n{}\n"), 1,
            q(1, "JSON line is an array, not an object"), q(2, "JSON line is a string, not an object"),
            q(3, "JSON line is a number, not an object"), q(4, "JSON line is a null, not an object")),
        bad("json", "json/dup_keys.jsonl", utf8("{\"id\":\"j8\",\"id\":\"j9\"}\n"), 0,
            q(1, "invalid JSON: Duplicate field 'id'")),
        new Case("json", "json/bom_crlf.jsonl", concat(UTF8_BOM, utf8("{\"id\":\"j10\"}\r\n{\"id\":\"j11\"}\r\n")), 2,
            0, List.of()),
        bad("json", "json/trailing.jsonl", utf8("{\"id\":\"j12\"} x\n"), 0, q(1, "invalid JSON: ")),
        ok("json", "json/zero.jsonl", "", 0),
        bad("json", "json/huge.jsonl", utf8("{\"id\":\"j13\",\"name\":\"" + tenMb + "\"}\n"), 0,
            q(1, "field 'name' is 10485760 bytes, over ingest.max_field_bytes (262144)")),
        bad("json", "json/non_utf8.jsonl", concat(utf8("{\"id\":\"j14\",\"name\":\"Ren"), new byte[] {(byte) 0xE9},
            utf8("\"}\n")), 0, q(1, "invalid UTF-8 byte sequence at byte 24 of the record")),
        ok("json", "json/empty_key.jsonl", "{\"\":\"v\",\"id\":\"j15\"}\n", 1),

        new Case("latin", "latin/latin1.csv", concat(utf8("id,name\n1,Ren"), new byte[] {(byte) 0xE9}, utf8("\n")),
            1, 0, List.of()),
        bad("headerless", "headerless/rows.csv", utf8("1,A\n2\n3,C,D\n"), 1,
            q(2, "row has 1 fields, the header has 2"), q(3, "row has 3 fields, the header has 2"))));
    return cases;
  }

  private List<Case> parquetCases(Path input) throws IOException {
    StructType flat = new StructType().add("pid", DataTypes.StringType).add("qty", DataTypes.LongType);
    Path good = ParquetFixtures.write(spark, List.of(RowFactory.create("p1", 7L), RowFactory.create("p2", 8L)), flat,
        dir.resolve("pq1"), input.resolve("pq/good.parquet"));
    byte[] goodBytes = Files.readAllBytes(good);
    ParquetFixtures.write(spark, List.of(RowFactory.create("p3", 9L)), flat, dir.resolve("pq2"),
        input.resolve("pq/glob[1] {x} ü.parquet"));
    StructType nested = new StructType().add("pid", DataTypes.IntegerType)
        .add("address", new StructType().add("city", DataTypes.StringType))
        .add("tags", DataTypes.createArrayType(DataTypes.StringType));
    ParquetFixtures.write(spark, List.of(RowFactory.create(4, RowFactory.create("Oslo"), List.of("a", "b"))), nested,
        dir.resolve("pq3"), input.resolve("pq/nested.parquet"));
    return List.of(
        new Case("pq", "pq/good.parquet", null, 2, 0, List.of()),
        new Case("pq", "pq/glob[1] {x} ü.parquet", null, 1, 0, List.of()),
        new Case("pq", "pq/nested.parquet", null, 1, 0, List.of()),
        new Case("pq", "pq/truncated.parquet", Arrays.copyOf(goodBytes, goodBytes.length / 2), 0, 0,
            List.of(new Q(null, "unreadable Parquet file: "))),
        new Case("pq", "pq/zero.parquet", new byte[0], 0, 0, List.of(new Q(null, "unreadable Parquet file: "))));
  }

  @Test
  void everyHostileFileReconcilesAndThePipelineCompletes() throws IOException {
    Path input = Files.createDirectories(dir.resolve("in"));
    List<Case> cases = new ArrayList<>(textCases());
    cases.addAll(parquetCases(input));
    for (Case c : cases) {
      if (c.content() != null) {
        Path file = input.resolve(c.path());
        Files.createDirectories(file.getParent());
        Files.write(file, c.content());
      }
    }
    Lakehouse lakehouse = new Lakehouse(dir.resolve("lake").toString());
    PipelineConfig config = ConfigLoader.parse("""
        lakehouse: %s
        input_root: %s
        sources:
          csv:
            format: csv
            path: csv
            silver:
              identity: {id: id, given_name: name, email: email}
          json:
            format: jsonl
            path: json
            silver:
              identity: {id: id, given_name: name}
          latin: {format: csv, path: latin, options: {encoding: ISO-8859-1}}
          headerless: {format: csv, path: headerless, options: {header: false, columns: [id, name]}}
          pq: {format: parquet, path: pq}
        """.formatted(lakehouse.root(), input), "hostile.yaml");

    PipelineResult result = new PipelineRunner(spark, config,
        new RunContext("hostile-1", Instant.parse("2026-11-24T10:00:00Z"), lakehouse)).run();

    assertTrue(cases.size() >= 40, "cases: " + cases.size());
    assertEquals(cases.size(), result.ingest().filesIngested());
    assertEquals(cases.stream().mapToLong(Case::read).sum(), result.ingest().rowsRead());
    assertEquals(cases.stream().mapToLong(Case::bronze).sum(), result.ingest().rowsBronze());
    assertEquals(expected(cases, c -> c.read() + "|" + c.bronze() + "|" + c.quarantined().size() + "|"
        + c.blankLines()), committedCounts(lakehouse));
    assertEquals(expected(cases, c -> String.valueOf(c.bronze())), bronzeCounts(lakehouse, cases));
    assertEquals(expected(cases, c -> c.quarantined().stream().map(q -> q.row() + ":" + q.reason())
        .collect(Collectors.joining(" / "))), quarantined(lakehouse, cases));
    assertEquals(List.of("csv|" + bronzeRows(cases, "csv"), "json|" + bronzeRows(cases, "json")),
        result.silver().sources().stream().map(s -> s.source() + "|" + s.identityRowsIn()).toList());
    assertValues(lakehouse);
  }

  private static long bronzeRows(List<Case> cases, String source) {
    return cases.stream().filter(c -> c.source().equals(source)).mapToLong(Case::bronze).sum();
  }

  /** Every case's file (relative path) with a value computed from the case, sorted by path. */
  private static Map<String, String> expected(List<Case> cases, java.util.function.Function<Case, String> value) {
    Map<String, String> out = new TreeMap<>();
    cases.forEach(c -> out.put(c.path(), value.apply(c)));
    return out;
  }

  private Map<String, String> committedCounts(Lakehouse lakehouse) {
    Map<String, String> out = new TreeMap<>();
    table(lakehouse, Tables.INGEST_LOG).where(col(Columns.IngestLog.STATUS).equalTo(Columns.IngestLog
            .STATUS_COMMITTED)).collectAsList()
        .forEach(r -> out.put(relative(r.getAs(Columns.IngestLog.FILE_PATH)), r.getAs(Columns.IngestLog.ROWS_READ)
            + "|" + r.getAs(Columns.IngestLog.ROWS_BRONZE) + "|" + r.getAs(Columns.IngestLog.ROWS_QUARANTINED) + "|"
            + r.getAs(Columns.IngestLog.BLANK_LINES)));
    return out;
  }

  private Map<String, String> bronzeCounts(Lakehouse lakehouse, List<Case> cases) {
    Map<String, String> out = new TreeMap<>();
    cases.forEach(c -> out.put(c.path(), "0"));
    for (String source : List.of("csv", "json", "latin", "headerless", "pq")) {
      table(lakehouse, Tables.bronze(source)).groupBy(Bronze.SOURCE_FILE).count().collectAsList()
          .forEach(r -> out.put(relative(r.getString(0)), String.valueOf(r.getLong(1))));
    }
    return out;
  }

  /** Each file's quarantined rows as "row:reason start" in row order; checks file, line and raw bytes are kept. */
  private Map<String, String> quarantined(Lakehouse lakehouse, List<Case> cases) {
    Map<String, List<Q>> expected = cases.stream().collect(Collectors.toMap(Case::path, Case::quarantined));
    Map<String, List<String>> rows = new TreeMap<>();
    cases.forEach(c -> rows.put(c.path(), new ArrayList<>()));
    for (Row r : table(lakehouse, Tables.QUARANTINE).orderBy(Quarantine.SOURCE_FILE, Quarantine.ROW_NUMBER)
        .collectAsList()) {
      String path = relative(r.getAs(Quarantine.SOURCE_FILE));
      Long row = r.getAs(Quarantine.ROW_NUMBER);
      String reason = r.getAs(Quarantine.REASON);
      assertFalse(reason == null || reason.isBlank(), path);
      if (!path.startsWith("pq/")) {
        assertNotNull(row, path);
        assertNotNull(r.getAs(Quarantine.LINE_NUMBER), path);
        assertNotNull(r.getAs(Quarantine.RAW_BYTES), path);
      }
      List<Q> want = expected.getOrDefault(path, List.of());
      int i = rows.get(path).size();
      String prefix = i < want.size() && reason.startsWith(want.get(i).reason()) ? want.get(i).reason() : reason;
      rows.get(path).add(row + ":" + prefix);
    }
    Map<String, String> out = new TreeMap<>();
    rows.forEach((path, list) -> out.put(path, String.join(" / ", list)));
    return out;
  }

  private void assertValues(Lakehouse lakehouse) {
    Dataset<Row> csv = table(lakehouse, Tables.bronze("csv"));
    assertEquals(List.of("id", "name", "email", "name__2", "column_4", "loyalty", Bronze.SOURCE),
        Arrays.stream(csv.columns()).limit(7).toList(), "ID, Name and EMAIL share the columns of id, name and email");
    assertEquals("Gil\nvan\r\nDam", value(csv, "7", "name"));
    assertEquals("He said \"hi\", ok", value(csv, "8", "name"));
    assertEquals("c@x.com", value(csv, "3", "email"));
    assertEquals("Cc|cc@x.com", value(csv, "29", "name") + "|" + value(csv, "29", "email"));
    assertEquals("Flo", value(csv, "6", "name"));
    assertEquals("Z\u0000e", value(csv, "23", "name"));
    Dataset<Row> json = table(lakehouse, Tables.bronze("json"));
    Row types = json.where(col("id").equalTo("7")).first();
    assertEquals("[\"a\",\"b\"]|{\"v\":1.10}|true", types.getAs("name") + "|" + types.getAs("amount") + "|"
        + types.getAs("ok"));
    assertEquals("René", table(lakehouse, Tables.bronze("latin")).first().getAs("name"));
    Row huge = table(lakehouse, Tables.QUARANTINE).where(col(Quarantine.SOURCE_FILE).endsWith("huge_field.csv"))
        .first();
    assertTrue(huge.<Boolean>getAs(Quarantine.RAW_TRUNCATED));
    assertEquals(1024 * 1024, huge.<byte[]>getAs(Quarantine.RAW_BYTES).length);
    Row binary = table(lakehouse, Tables.QUARANTINE).where(col(Quarantine.SOURCE_FILE).endsWith("binary.csv"))
        .orderBy(Quarantine.ROW_NUMBER).first();
    assertArrayEquals(new byte[] {0x00, (byte) 0xfe}, binary.getAs(Quarantine.RAW_BYTES));
  }

  private String value(Dataset<Row> table, String id, String column) {
    return table.where(col("id").equalTo(id)).first().getAs(column);
  }

  private Dataset<Row> table(Lakehouse lakehouse, TableId id) {
    return DeltaIO.read(spark, lakehouse.path(id));
  }

  private static String relative(String qualified) {
    return qualified.substring(qualified.indexOf("/in/") + 4);
  }
}
