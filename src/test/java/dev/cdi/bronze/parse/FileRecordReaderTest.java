package dev.cdi.bronze.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cdi.config.IngestSettings;
import dev.cdi.config.ReaderOptions;
import dev.cdi.config.SourceFormat;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FileRecordReaderTest {

  private static final IngestSettings LIMITS = new IngestSettings(10, 200, 12);

  /** Each record as "row/line ok {fields}" or "row/line QUARANTINE reason". */
  private static List<String> read(SourceFormat format, ReaderOptions options, byte[] bytes) throws IOException {
    FileRecordReader reader = new FileRecordReader(new ByteArrayInputStream(bytes), format, options, LIMITS);
    List<String> out = new ArrayList<>();
    while (reader.hasNext()) {
      ParsedRecord r = reader.next();
      out.add(r.rowNumber() + "/" + r.lineNumber() + (r.isValid() ? " ok " + r.fields() : " QUARANTINE " + r.error()));
    }
    out.add("blank=" + reader.blankLines());
    return out;
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void csvDecisions() throws IOException {
    ByteArrayOutputStream file = new ByteArrayOutputStream();
    file.writeBytes(utf8("id,name,city\n1,Ann,Oslo\n\n2,Bob\n3,\"Li\nu\",Rome\n4,"));
    file.writeBytes(new byte[] {(byte) 0xC3, 0x28});
    file.writeBytes(utf8(",X\n5,12345678901,Y\n6,'a,b\r\n"));
    assertEquals(List.of(
        "1/2 ok {id=1, name=Ann, city=Oslo}",
        "2/4 QUARANTINE row has 2 fields, the header has 3",
        "3/5 ok {id=3, name=Li\nu, city=Rome}",
        "4/7 QUARANTINE invalid UTF-8 byte sequence at byte 3 of the record",
        "5/8 QUARANTINE field 'name' is 11 bytes, over ingest.max_field_bytes (10)",
        "6/9 ok {id=6, name='a, city=b}",
        "blank=1"), read(SourceFormat.CSV, ReaderOptions.DEFAULTS, file.toByteArray()));
  }

  @Test
  void unreadableHeaderQuarantinesEveryRow() throws IOException {
    assertEquals(List.of(
        "1/2 QUARANTINE file header (line 1) is unreadable: unexpected character 'y' after closing quote at"
            + " character 7",
        "2/3 QUARANTINE file header (line 1) is unreadable: unexpected character 'y' after closing quote at"
            + " character 7",
        "blank=0"), read(SourceFormat.CSV, ReaderOptions.DEFAULTS, utf8("id,\"x\"y\"\n1,2\n3,4\n")));
  }

  @Test
  void headerOfAnotherDelimiterOrUtf16QuarantinesEveryRow() throws IOException {
    assertEquals(List.of(
        "1/2 QUARANTINE file header (line 1) is unreadable: it is one column containing ';'; is the file delimited"
            + " by ';' rather than ','? (set options.delimiter)",
        "blank=0"), read(SourceFormat.CSV, ReaderOptions.DEFAULTS, utf8("id;name\n1;A\n")));
    assertEquals(List.of("1/2 ok {id|name=1}", "blank=0"),
        read(SourceFormat.CSV, ReaderOptions.DEFAULTS, utf8("\"id|name\"\n1\n")));
    ReaderOptions tabs = new ReaderOptions('\t', '"', true, List.of(), "UTF-8");
    assertEquals(List.of("1/2 QUARANTINE file header (line 1) is unreadable: it is one column containing ',';"
        + " is the file delimited by ',' rather than tab? (set options.delimiter)", "blank=0"),
        read(SourceFormat.CSV, tabs, utf8("id,name\n1,A\n")));
    ByteArrayOutputStream utf16 = new ByteArrayOutputStream();
    utf16.writeBytes(new byte[] {(byte) 0xFE, (byte) 0xFF});
    utf16.writeBytes("a\n1\n".getBytes(StandardCharsets.UTF_16BE));
    assertEquals(List.of("1/2 QUARANTINE file header (line 1) is unreadable: the file starts with a UTF-16 byte"
            + " order mark; convert it to UTF-8 (or another encoding that stores ASCII characters as single bytes)",
        "blank=0"), read(SourceFormat.CSV, ReaderOptions.DEFAULTS, utf16.toByteArray()));
  }

  @Test
  void headerlessCsvUsesConfiguredColumnsAndDuplicateHeadersStayApart() throws IOException {
    ReaderOptions noHeader = new ReaderOptions(';', '"', false, List.of("a", "a"), "UTF-8");
    assertEquals(List.of("1/1 ok {a=1, a__2=2}", "blank=0"), read(SourceFormat.CSV, noHeader, utf8("1;2\n")));
    assertEquals(List.of("1/2 ok {id=1, id__2=2, column_3=3}", "blank=0"),
        read(SourceFormat.CSV, ReaderOptions.DEFAULTS, utf8("id,id,\n1,2,3\n")));
  }

  @Test
  void emptyAndHeaderOnlyFilesHaveNoRows() throws IOException {
    assertEquals(List.of("blank=0"), read(SourceFormat.CSV, ReaderOptions.DEFAULTS, new byte[0]));
    assertEquals(List.of("blank=0"), read(SourceFormat.CSV, ReaderOptions.DEFAULTS, utf8("a,b\n")));
    assertEquals(List.of("blank=2"), read(SourceFormat.JSONL, ReaderOptions.DEFAULTS, utf8("\n  \n")));
  }

  @Test
  void jsonLinesDecisions() throws IOException {
    String big = "x".repeat(300);
    byte[] file = utf8("{\"a\":1}\n{\"a\":\n[1]\n\n{\"a\":\"" + big + "\"}\n{\"b\":null}");
    assertEquals(List.of(
        "1/1 ok {a=1}",
        "2/2 QUARANTINE invalid JSON: Unexpected end-of-input within/between Object entries (at character 6)",
        "3/3 QUARANTINE JSON line is an array, not an object",
        "4/5 QUARANTINE record is longer than ingest.max_record_bytes (200 bytes); reading resumed at the next line",
        "5/6 ok {b=null}",
        "blank=1"), read(SourceFormat.JSONL, ReaderOptions.DEFAULTS, file));
  }

  @Test
  void quarantinedRawBytesAreCappedAndFlagged() throws IOException {
    FileRecordReader reader = new FileRecordReader(new ByteArrayInputStream(utf8("not json at all, clearly\n")),
        SourceFormat.JSONL, ReaderOptions.DEFAULTS, LIMITS);
    ParsedRecord r = reader.next();
    assertEquals("not json at", new String(r.raw(), StandardCharsets.UTF_8).substring(0, 11));
    assertEquals(12, r.raw().length);
    assertEquals(true, r.rawTruncated());
  }
}
