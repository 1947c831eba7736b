package dev.cdi.bronze.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecordSplitterTest {

  /** Records as "line:text[!problem]" strings. */
  private static List<String> split(RecordSplitter splitter) throws IOException {
    List<String> out = new ArrayList<>();
    for (RawRecord r = splitter.next(); r != null; r = splitter.next()) {
      String text = new String(r.bytes(), StandardCharsets.UTF_8);
      out.add(r.lineNumber() + ":" + text + (r.problem() == null ? "" : "!" + r.problem()));
    }
    return out;
  }

  private static List<String> csv(String text, int max) throws IOException {
    return split(RecordSplitter.csv(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), ',', '"', max,
        true));
  }

  private static List<String> lines(String text, int max) throws IOException {
    return split(RecordSplitter.lines(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), max, true));
  }

  @Test
  void linesWithAndWithoutFinalNewlineAndCrlf() throws IOException {
    assertEquals(List.of("1:a", "2:b", "3:", "4:c"), lines("a\r\nb\n\nc", 100));
    assertEquals(List.of("1:a"), lines("a\n", 100));
    assertEquals(List.of(), lines("", 100));
  }

  @Test
  void csvAcceptsClassicMacLineEndsButKeepsCarriageReturnsInQuotes() throws IOException {
    assertEquals(List.of("1:a,b", "2:c,d", "3:", "4:e"), csv("a,b\rc,d\r\r\ne\r", 100));
    assertEquals(List.of("1:a,\"x\ry\"", "3:z"), csv("a,\"x\ry\"\rz", 100));
    assertEquals(List.of("1:a\rb"), lines("a\rb\n", 100));
    assertEquals(List.of("1:abcd!record is longer than ingest.max_record_bytes (4 bytes); reading resumed at"
        + " the next line", "2:ok"), csv("abcdefgh\rok\r", 4));
  }

  @Test
  void utf8BomIsDropped() throws IOException {
    assertEquals(List.of("1:id", "2:1"), csv("\uFEFFid\n1\n", 100));
  }

  @Test
  void quotedLineBreaksStayInTheRecord() throws IOException {
    assertEquals(List.of("1:a,\"x\ny\",b", "3:c,d"), csv("a,\"x\ny\",b\nc,d\n", 100));
    assertEquals(List.of("1:\"he said \"\"hi\"\"\n\",z", "3:q"), csv("\"he said \"\"hi\"\"\n\",z\nq\n", 100));
  }

  @Test
  void quoteInsideUnquotedFieldIsLiteral() throws IOException {
    assertEquals(List.of("1:5\" tall,x", "2:y"), csv("5\" tall,x\ny\n", 100));
  }

  @Test
  void unterminatedQuoteAtEndOfFile() throws IOException {
    assertEquals(List.of("1:ok", "2:\"open\nrest!unterminated quoted field at end of file"),
        csv("ok\n\"open\nrest", 100));
  }

  @Test
  void overlongRecordIsCutAndReadingResumesOnTheNextLine() throws IOException {
    assertEquals(List.of("1:abcd!record is longer than ingest.max_record_bytes (4 bytes); reading resumed at"
        + " the next line", "2:ok"), lines("abcdefgh\nok\n", 4));
    assertEquals(List.of("1:\"abc!record is longer than ingest.max_record_bytes (4 bytes), probably an"
        + " unterminated quote; reading resumed at the next line", "2:x,y"), csv("\"abcdef\nx,y\n", 4));
  }
}
